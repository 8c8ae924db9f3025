package io.fleetcare.gateway.mqtt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How the gateway reaches the MQTT broker ({@code fleetcare.mqtt.*}; as environment variables
 * {@code FLEETCARE_MQTT_SERVER_URI}, {@code FLEETCARE_MQTT_USERNAME}, ...).
 */
@ConfigMapping(prefix = "fleetcare.mqtt")
public interface MqttSettings {

    /** The broker, e.g. {@code tcp://mqtt.example:1883} or {@code ssl://...:8883}. */
    @WithDefault("tcp://localhost:1883")
    String serverUri();

    /** The gateway's service account on the broker; absent for a broker without authentication. */
    Optional<String> username();

    Optional<String> password();

    /**
     * The shared-subscription group: gateway instances in one group split the devices' messages
     * between them. Must not contain {@code /}, {@code +} or {@code #}.
     */
    @WithDefault("fleetcare-gateway")
    String sharedGroup();

    /**
     * This instance's MQTT client id. Give each instance a stable one (e.g. the pod name of a
     * StatefulSet) so that a restarted instance resumes its broker session and receives what was
     * queued for it. When absent, a random id is generated and the session ends on a clean shutdown.
     */
    Optional<String> clientId();

    /** Larger message bodies are rejected with {@code payload_too_large}. */
    @WithDefault("65536")
    int maxPayloadBytes();

    /** How long the broker keeps this instance's session (and queues its messages) while it is away. */
    @WithDefault("PT10M")
    Duration sessionExpiry();

    /**
     * How many QoS 1 messages the broker may have in flight to this instance before it waits for
     * acknowledgements; bounds what is pending on a Kafka send at any time. A message is acknowledged only once Kafka
     * confirmed it, so one instance forwards at most receive-maximum / Kafka confirmation time: 1,000 keeps
     * 10,000 msg/s at a 100 ms confirmation (README "Broker queues and dropped messages"), for about 2 MB of heap.
     */
    @WithDefault("1000")
    int receiveMaximum();
}
