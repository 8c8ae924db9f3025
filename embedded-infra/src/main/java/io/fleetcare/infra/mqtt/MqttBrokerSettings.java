package io.fleetcare.infra.mqtt;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a broker needs to start: where it may write, the platform's service account, and the
 * devices allowed to connect.
 *
 * <p>A device logs in with username = device id and password = its secret, and may publish and
 * subscribe only under {@code devices/{deviceId}/#}. The service account (the gateway, the
 * simulator's control side) may use all of {@code devices/#}, shared subscriptions included.
 *
 * @param workDir         directory for the broker's configuration, persistence and log; created if missing
 * @param serviceUser     the service account's username; never null
 * @param servicePassword the service account's password; never null
 * @param deviceSecrets   device id to secret; device ids are letters, digits, '.', '_' and '-'
 */
public record MqttBrokerSettings(Path workDir, String serviceUser, String servicePassword,
                                 Map<String, String> deviceSecrets) {

    private static final Pattern ACCOUNT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public MqttBrokerSettings {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(serviceUser, "serviceUser");
        Objects.requireNonNull(servicePassword, "servicePassword");
        deviceSecrets = Map.copyOf(deviceSecrets == null ? Map.of() : deviceSecrets);
        requireAccountName(serviceUser);
        deviceSecrets.keySet().forEach(MqttBrokerSettings::requireAccountName);
        if (deviceSecrets.containsKey(serviceUser)) {
            throw new IllegalArgumentException("a device may not share the service account's name: " + serviceUser);
        }
    }

    static void requireAccountName(String name) {
        if (!ACCOUNT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid broker account name: " + name);
        }
    }

    /** Whether the username and password belong to the service account or a registered device. */
    boolean accepts(String username, String password) {
        if (username == null || password == null) {
            return false;
        }
        if (username.equals(serviceUser)) {
            return constantTimeEquals(password, servicePassword);
        }
        String secret = deviceSecrets.get(username);
        return secret != null && constantTimeEquals(password, secret);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(
                a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
