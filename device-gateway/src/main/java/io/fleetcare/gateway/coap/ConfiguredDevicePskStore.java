package io.fleetcare.gateway.coap;

import io.fleetcare.gateway.credential.IssuedCredential;
import io.fleetcare.gateway.credential.IssuedCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The devices of {@code fleetcare.coap.psk."<deviceId>"=<secret>} (an environment variable, a config source
 * backed by a secret store, or {@code application.properties}); the key is the UTF-8 encoding of the secret.
 * Read once at start. A pre-shared key issued by the service API ({@link IssuedCredentials}, read from Kafka at
 * runtime) replaces the configured one; Scandium asks on every handshake, so a rotated key applies to the next
 * handshake.
 */
@ApplicationScoped
public class ConfiguredDevicePskStore implements DevicePskStore {

    private final Map<String, String> secrets;
    private final IssuedCredentials issued;

    public ConfiguredDevicePskStore(CoapSettings settings, IssuedCredentials issued) {
        this.secrets = Map.copyOf(settings.psk());
        this.issued = issued;
    }

    @Override
    public Optional<byte[]> keyOf(String deviceId) {
        if (deviceId == null) {
            return Optional.empty();
        }
        Optional<byte[]> issuedKey = issued.find(deviceId).map(IssuedCredential::psk);
        if (issuedKey.isPresent()) {
            return issuedKey;
        }
        String secret = secrets.get(deviceId);
        return secret == null || secret.isEmpty()
                ? Optional.empty()
                : Optional.of(secret.getBytes(StandardCharsets.UTF_8));
    }
}
