package io.fleetcare.events;

import java.time.Instant;
import java.util.List;

/**
 * A request for a maintenance visit raised by the stream jobs and published on
 * {@link Topics#MAINTENANCE_REQUESTS}; the service API turns it into a ticket.
 *
 * <p>{@link #requestId()} is deterministic (device + rule + episode), so replaying telemetry or
 * recovering the job never opens a second ticket.
 *
 * @param requestId   deterministic id; never null
 * @param deviceId    never null
 * @param deviceType  never null
 * @param model       may be null
 * @param ruleId      the rule that asked for maintenance; never null
 * @param kind        corrective (a fault now), preventive (a predicted fault) or scheduled (usage-based)
 * @param severity    never null
 * @param problem     one-line description of the problem for the ticket; never null
 * @param detectedAt  device time at which the rule decided; never null
 * @param predictedAt for preventive requests, when the limit is expected to be crossed; otherwise null
 * @param alertId     the alert episode that led to this request; null for scheduled maintenance
 * @param evidence    the readings behind the request (never null, may be empty)
 */
public record MaintenanceRequest(
        String requestId,
        String deviceId,
        DeviceType deviceType,
        String model,
        String ruleId,
        Kind kind,
        Severity severity,
        String problem,
        Instant detectedAt,
        Instant predictedAt,
        String alertId,
        List<Evidence> evidence) {

    public enum Kind {
        CORRECTIVE,
        PREVENTIVE,
        SCHEDULED
    }

    public MaintenanceRequest {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
