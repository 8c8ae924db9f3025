package io.fleetcare.gateway.credential;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Device credentials issued by the service API ({@code fleetcare.credentials.*}). */
@ConfigMapping(prefix = "fleetcare.credentials")
public interface CredentialSettings {

    /** Whether the gateway reads the credentials topic at all (off: only the configured chargers and keys count). */
    @WithDefault("true")
    boolean enabled();

    /** The compacted topic the service API publishes credentials on, keyed by device id. */
    @WithDefault("device.credentials")
    String topic();

    /**
     * The AES-256 key (base64 of 32 bytes) the service API seals CoAP pre-shared keys with on the topic
     * ({@code fleetcare.device-credentials.transport-key} there). Without it, issued credentials still serve OCPP,
     * but set-top boxes keep their configured CoAP keys.
     */
    Optional<String> transportKey();
}
