package io.fleetcare.api.command;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A command as the API shows it.
 *
 * @param result null until the gateway reported
 */
public record CommandView(UUID commandId, String deviceId, DiagnosticCommand command, Map<String, Object> params,
        String requestedBy, Instant requestedAt, int timeoutSeconds, CommandStatus status, Result result) {

    /**
     * The latest outcome the gateway reported.
     *
     * @param payload    may be null
     * @param at         when the gateway saw it; never null
     * @param receivedAt when the service stored it; never null
     */
    public record Result(Map<String, Object> payload, Instant at, Instant receivedAt) {
    }
}
