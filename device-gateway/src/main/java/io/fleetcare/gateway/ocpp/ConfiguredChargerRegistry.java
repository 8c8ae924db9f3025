package io.fleetcare.gateway.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The chargers of {@code fleetcare.ocpp.chargers.<id>.*}, fixed at startup. */
@ApplicationScoped
public class ConfiguredChargerRegistry implements ChargerRegistry {

    private final Map<String, Charger> chargers;

    public ConfiguredChargerRegistry(OcppSettings settings) {
        this.chargers = settings.chargers().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> new Charger(entry.getKey(),
                        entry.getValue().model().orElse(null), entry.getValue().passwordHash())));
    }

    @Override
    public Optional<Charger> find(String chargePointId) {
        return Optional.ofNullable(chargers.get(chargePointId));
    }
}
