package io.fleetcare.gateway.coap;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The devices of {@code fleetcare.coap.psk."<deviceId>"=<secret>} (an environment variable, a config source
 * backed by a secret store, or {@code application.properties}); the key is the UTF-8 encoding of the secret.
 * Read once at start.
 */
@ApplicationScoped
public class ConfiguredDevicePskStore implements DevicePskStore {

    private final Map<String, String> secrets;

    public ConfiguredDevicePskStore(CoapSettings settings) {
        this.secrets = Map.copyOf(settings.psk());
    }

    @Override
    public Optional<byte[]> keyOf(String deviceId) {
        if (deviceId == null) {
            return Optional.empty();
        }
        String secret = secrets.get(deviceId);
        return secret == null || secret.isEmpty()
                ? Optional.empty()
                : Optional.of(secret.getBytes(StandardCharsets.UTF_8));
    }
}
