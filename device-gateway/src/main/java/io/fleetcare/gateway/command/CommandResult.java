package io.fleetcare.gateway.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * An outcome on Kafka {@code device.command-results}, keyed by device id.
 *
 * @param commandId never null
 * @param deviceId  never null
 * @param status    never null
 * @param payload   what the device answered, or the gateway's {@code {"error":…}}; may be null
 * @param at        when the gateway saw the outcome; never null
 */
public record CommandResult(String commandId, String deviceId, Status status, ObjectNode payload, Instant at) {

    public CommandResult {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    /** ACCEPTED is not final (the device took the command); the others are. */
    public enum Status { ACCEPTED, REJECTED, TIMED_OUT, FAILED, COMPLETED }
}
