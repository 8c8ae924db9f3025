package io.fleetcare.api.repair;

import java.time.Instant;
import java.util.List;

/**
 * A record filed by an engineer (or for them by a supervisor), checked and typed by the resource.
 *
 * @param kind          never null
 * @param deviceId      a registered device; never null
 * @param ticketNumber  the ticket the visit served; may be null only when no part was replaced
 * @param content       never null
 * @param partsReplaced never null, may be empty
 * @param performedAt   when the work was done; never null
 */
public record NewRepairRecord(RecordKind kind, String deviceId, String ticketNumber, RecordContent content,
        List<Part> partsReplaced, Instant performedAt) {

    /**
     * A replaced part as filed: a catalog part issued from a store.
     *
     * @param serial      may be null
     * @param componentId the device component it belongs to; may be null
     */
    public record Part(long partId, String location, String serial, int quantity, String reason, Long componentId) {
    }
}
