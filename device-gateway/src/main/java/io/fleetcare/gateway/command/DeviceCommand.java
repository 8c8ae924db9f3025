package io.fleetcare.gateway.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A command from Kafka {@code device.commands} (the service API's contract, field names included).
 *
 * @param commandId      never null
 * @param deviceId       never null
 * @param command        e.g. {@code GET_CONFIGURATION}, {@code REBOOT}; never null
 * @param params         as the caller sent it; may be null (read as {@code {}})
 * @param requestedBy    may be null
 * @param requestedAt    may be null
 * @param timeoutSeconds how long to wait for a final answer; null or below 1 means the gateway's default
 */
public record DeviceCommand(String commandId, String deviceId, String command, ObjectNode params,
                            String requestedBy, Instant requestedAt, Integer timeoutSeconds) {
}
