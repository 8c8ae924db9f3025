package io.fleetcare.api.device.credential;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Device credentials, {@code fleetcare.device-credentials.*}. Both keys are 256-bit AES keys in base64
 * (e.g. {@code openssl rand -base64 32}); without them no credential can be issued (503), everything else runs.
 */
@ConfigMapping(prefix = "fleetcare.device-credentials")
public interface DeviceCredentialConfig {

    /** Seals the CoAP pre-shared keys in the database; held by this service only. */
    Optional<String> storageKey();

    /** Seals the CoAP pre-shared keys on the credentials topic; shared with the gateways. */
    Optional<String> transportKey();

    /** The compacted Kafka topic the credentials are published on, keyed by device id. */
    @WithDefault(DeviceCredentialMessage.TOPIC)
    String topic();
}
