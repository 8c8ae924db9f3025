package io.fleetcare.gateway.ocpp;

import io.fleetcare.events.DeviceType;
import io.fleetcare.gateway.credential.IssuedCredential;
import io.fleetcare.gateway.credential.IssuedCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The chargers with a credential issued by the service API ({@link IssuedCredentials}, read from Kafka at runtime:
 * for a device listed there only that credential counts, and only an {@code EV_CHARGER} may connect), then those of
 * {@code fleetcare.ocpp.chargers.<id>.*} (fixed at startup), then those of the {@code fleetcare.ocpp.charger-file}
 * when one is configured (see {@link ChargerFile}; re-read when it changes).
 */
@ApplicationScoped
public class ConfiguredChargerRegistry implements ChargerRegistry {

    private final Map<String, Charger> chargers;
    private final Optional<ChargerFile> file;
    private final IssuedCredentials issued;

    public ConfiguredChargerRegistry(OcppSettings settings, IssuedCredentials issued) {
        this.issued = issued;
        this.chargers = settings.chargers().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> new Charger(entry.getKey(),
                        entry.getValue().model().orElse(null), entry.getValue().passwordHash())));
        this.file = settings.chargerFile().map(ChargerFile::new);
    }

    @Override
    public Optional<Charger> find(String chargePointId) {
        Optional<IssuedCredential> credential = issued.find(chargePointId);
        if (credential.isPresent()) {
            return credential.filter(c -> c.deviceType() == DeviceType.EV_CHARGER)
                    .map(c -> new Charger(chargePointId, c.model() != null ? c.model() : configuredModel(chargePointId),
                            c.secretHash()));
        }
        Charger configured = chargers.get(chargePointId);
        if (configured != null) {
            return Optional.of(configured);
        }
        return file.flatMap(listed -> listed.find(chargePointId));
    }

    private String configuredModel(String chargePointId) {
        Charger configured = chargers.get(chargePointId);
        if (configured != null) {
            return configured.model();
        }
        return file.flatMap(listed -> listed.find(chargePointId)).map(Charger::model).orElse(null);
    }
}
