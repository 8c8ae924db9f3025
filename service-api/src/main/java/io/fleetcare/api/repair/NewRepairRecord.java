package io.fleetcare.api.repair;

import java.time.Instant;
import java.util.List;

/**
 * A record an engineer files, checked and typed by the resource.
 *
 * @param kind          never null
 * @param deviceId      a registered device; never null
 * @param ticketNumber  the ticket the visit served; may be null
 * @param content       never null
 * @param partsReplaced never null, may be empty
 * @param performedAt   when the work was done; never null
 */
public record NewRepairRecord(RecordKind kind, String deviceId, String ticketNumber, RecordContent content,
        List<ReplacedPart> partsReplaced, Instant performedAt) {
}
