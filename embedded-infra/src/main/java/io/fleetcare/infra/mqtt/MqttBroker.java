package io.fleetcare.infra.mqtt;

/**
 * An MQTT 5 broker with per-device authentication and topic ACLs, run for tests and the
 * embedded demo.
 */
public interface MqttBroker extends AutoCloseable {

    /**
     * Starts Mosquitto when it is installed, otherwise the embedded HiveMQ CE broker (which must
     * then be on the classpath).
     *
     * @throws IllegalStateException when neither is available or the broker does not come up
     */
    static MqttBroker start(MqttBrokerSettings settings) {
        return start(settings, SessionQueueLimits.EMBEDDED);
    }

    /**
     * Like {@link #start(MqttBrokerSettings)} with the given per-session limits. The embedded HiveMQ keeps its own
     * defaults and publishes no {@code $SYS} counters, so only Mosquitto takes them.
     *
     * @throws IllegalStateException when neither is available or the broker does not come up
     */
    static MqttBroker start(MqttBrokerSettings settings, SessionQueueLimits limits) {
        if (MosquittoBroker.isInstalled()) {
            return MosquittoBroker.start(settings, limits);
        }
        if (HiveMqEmbeddedBroker.isOnClasspath()) {
            return HiveMqEmbeddedBroker.start(settings);
        }
        throw new IllegalStateException("no MQTT broker: install Mosquitto (apt-get install mosquitto) "
                + "or put com.hivemq:hivemq-community-edition-embedded on the classpath");
    }

    /** Where clients connect, e.g. {@code tcp://127.0.0.1:41883}. */
    String serverUri();

    /** The TCP port the broker listens on (loopback). */
    int port();

    /** Which broker this is, for logs: {@code mosquitto} or {@code hivemq-embedded}. */
    String kind();

    /**
     * Adds a device account or replaces its password while the broker runs, e.g. after the service API rotated the
     * device's secret. New connections must use the new password; the old one is refused. Connections open already:
     * Mosquitto re-checks them when it reloads its password file and disconnects those whose password no longer
     * matches; the embedded HiveMQ keeps them open.
     *
     * @param deviceId     the account (letters, digits, '.', '_', '-'; not the service account); never null
     * @param passwordHash the new password as a {@code $7$} PBKDF2-SHA512 hash ({@link MosquittoPasswordFile}); never
     *                     null
     * @throws IllegalArgumentException when the name or the hash is not usable
     * @throws IllegalStateException    when the broker could not take it (nothing changed then)
     */
    void updateDeviceSecret(String deviceId, String passwordHash);

    @Override
    void close();
}
