package io.fleetcare.api.command;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What the service publishes on Kafka {@code device.commands}, keyed by device id; the contract the gateway
 * implements (see the README).
 *
 * @param commandId      never null; results name it
 * @param deviceId       never null
 * @param command        never null
 * @param params         never null, may be empty
 * @param requestedBy    the account that asked; never null
 * @param requestedAt    never null
 * @param timeoutSeconds after this long without a final result the gateway reports TIMED_OUT
 */
public record DeviceCommandMessage(UUID commandId, String deviceId, DiagnosticCommand command,
        Map<String, Object> params, String requestedBy, Instant requestedAt, int timeoutSeconds) {
}
