package io.fleetcare.stream.kafka;

import java.io.Serializable;

/**
 * Where the job's Kafka topics live.
 *
 * @param bootstrapServers {@code host:port[,host:port...]}; never null or blank
 * @param groupId          consumer group of the telemetry source; never null or blank
 */
public record KafkaSettings(String bootstrapServers, String groupId) implements Serializable {

    /** Consumer group the device-health job uses unless told otherwise. */
    public static final String DEFAULT_GROUP_ID = "fleetcare-device-health";

    /**
     * @throws IllegalArgumentException when a component is null or blank
     */
    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers is required");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("groupId is required");
        }
    }
}
