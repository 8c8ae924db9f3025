package io.fleetcare.api.command;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What the gateway publishes on Kafka {@code device.command-results}, keyed by device id.
 *
 * @param commandId never null
 * @param deviceId  never null; must be the command's device
 * @param status    ACCEPTED, REJECTED, TIMED_OUT, FAILED or COMPLETED; never null (PENDING is refused)
 * @param payload   what the device answered; may be null
 * @param at        when the gateway saw the outcome; never null
 */
public record CommandResultMessage(UUID commandId, String deviceId, CommandStatus status, Map<String, Object> payload,
        Instant at) {
}
