package io.fleetcare.api.repair;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /api/repairs}. The kind is checked by the resource so that a wrong one is answered with the
 * values allowed.
 *
 * @param kind            REPAIR or MAINTENANCE
 * @param ticketNumber    the ticket the visit served (of the same device); required when parts were replaced
 * @param customerSignOff optional: who signed for the customer
 * @param partsReplaced   optional
 */
public record RepairRecordRequest(
        @NotBlank String kind,
        @NotBlank @Size(max = 64) String deviceId,
        @Size(max = 32) String ticketNumber,
        @NotBlank @Size(max = 4000) String symptom,
        @NotBlank @Size(max = 4000) String cause,
        @NotBlank @Size(max = 4000) String workDone,
        @NotBlank @Size(max = 4000) String testResult,
        @NotNull @Min(1) @Max(RecordContent.MAX_MINUTES) Integer minutesSpent,
        @Size(max = 200) String customerSignOff,
        @NotNull Instant performedAt,
        @Size(max = 100) List<@NotNull @Valid PartRequest> partsReplaced) {

    /**
     * A replaced part: a catalog part, issued from a store's good stock when the record is filed (seed 004
     * §3.6.2). Free text is not accepted; a quantity that is not a whole number is refused, not truncated.
     *
     * @param partId      the catalog part ({@code GET /api/parts})
     * @param location    the store it is issued from
     * @param serial      optional
     * @param componentId optional: the device component it belongs to, for the service category
     */
    public record PartRequest(
            @NotNull @Positive Long partId,
            @NotBlank @Size(max = 100) String location,
            @Size(max = 100) String serial,
            @NotNull @Min(1) @Max(10_000) Integer quantity,
            @NotBlank @Size(max = 2000) String reason,
            @Positive Long componentId) {
    }
}
