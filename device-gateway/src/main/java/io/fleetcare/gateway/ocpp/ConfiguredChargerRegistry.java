package io.fleetcare.gateway.ocpp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The chargers of {@code fleetcare.ocpp.chargers.<id>.*} (fixed at startup), then those of the
 * {@code fleetcare.ocpp.charger-file} when one is configured (see {@link ChargerFile}; re-read when it changes).
 */
@ApplicationScoped
public class ConfiguredChargerRegistry implements ChargerRegistry {

    private final Map<String, Charger> chargers;
    private final Optional<ChargerFile> file;

    public ConfiguredChargerRegistry(OcppSettings settings) {
        this.chargers = settings.chargers().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> new Charger(entry.getKey(),
                        entry.getValue().model().orElse(null), entry.getValue().passwordHash())));
        this.file = settings.chargerFile().map(ChargerFile::new);
    }

    @Override
    public Optional<Charger> find(String chargePointId) {
        Charger configured = chargers.get(chargePointId);
        if (configured != null) {
            return Optional.of(configured);
        }
        return file.flatMap(listed -> listed.find(chargePointId));
    }
}
