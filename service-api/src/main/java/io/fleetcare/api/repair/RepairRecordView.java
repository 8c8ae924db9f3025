package io.fleetcare.api.repair;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetcare.api.device.ServiceCategory;
import java.time.Instant;
import java.util.List;

/**
 * A repair or maintenance record as clients see it ({@code GET /api/repairs/{recordId}}). The field names are
 * part of the API. {@code recorded} is what the engineer wrote and never changes; {@code current} is the same
 * with every amendment applied.
 *
 * @param ticketNumber null when the visit belonged to no ticket
 * @param filedBy      the supervisor or service manager who filed the record for the engineer; null when the
 *                     engineer filed it
 */
public record RepairRecordView(long recordId, RecordKind kind, String deviceId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String ticketNumber, String engineer,
        @JsonInclude(JsonInclude.Include.NON_NULL) String filedBy, Instant performedAt,
        Instant recordedAt, Content recorded, Content current, List<Part> partsReplaced, List<Amendment> amendments) {

    /** The amendable content; {@code customerSignOff} is null when nobody signed for the customer. */
    public record Content(String symptom, String cause, String workDone, String testResult, int minutesSpent,
            String customerSignOff) {

        static Content of(RecordContent c) {
            return new Content(c.symptom(), c.cause(), c.workDone(), c.testResult(), c.minutesSpent(),
                    c.customerSignOff());
        }
    }

    /**
     * A replaced part; {@code componentId} and {@code category} (how the part is billed on the day of the work,
     * seed 004 §4) only when the part belongs to a registered component; {@code partId}, {@code location} and
     * {@code movementId} (the ISSUE booked with the record) only on records filed with catalog parts.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String part, String serial, int quantity, String reason, Long componentId,
            ServiceCategory category, Long partId, String location, Long movementId) {
    }

    /**
     * A correction: which field, the corrected value, why, who wrote it ({@code author}, the signed-in account) and
     * when ({@code at}); {@code status} PENDING until another person approved it, then APPROVED with
     * {@code approvedBy} and {@code approvedAt} (null while pending). Only approved ones are applied to
     * {@code current}.
     */
    public record Amendment(long amendmentId, AmendedField field, String correctedValue, String reason, String author,
            Instant at, String status, String approvedBy, Instant approvedAt) {

        static Amendment of(RepairAmendment a) {
            return new Amendment(a.id(), a.field(), a.correctedValue(), a.reason(), a.author(), a.at(),
                    a.approved() ? "APPROVED" : "PENDING", a.approvedBy(), a.approvedAt());
        }
    }
}
