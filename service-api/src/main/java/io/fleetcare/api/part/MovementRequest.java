package io.fleetcare.api.part;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/parts/{partId}/movements}. A quantity that is not a whole number (1.5) is refused, not
 * truncated ({@code io.fleetcare.api.problem.StrictNumbers}).
 *
 * @param kind         RECEIPT, ISSUE, RETURN, REFURBISHED, FOUND_DEFECTIVE, RETURN_TO_MAKER or SCRAPPED
 * @param location     the store, e.g. "Ningbo depot"
 * @param quantity     1-10000
 * @param ticketNumber required for ISSUE and RETURN; otherwise the ticket or the reason is required
 * @param reason       why, when no ticket is named (delivery note, analysis finding); optional with a ticket
 * @param person       optional and never trusted: when given it must be the person the movement is booked for
 *                     (the ticket's assigned engineer for ISSUE and RETURN, the signed-in caller otherwise)
 * @param note         optional
 */
public record MovementRequest(
        @NotBlank String kind,
        @NotBlank @Size(max = 100) String location,
        @NotNull @Min(1) @Max(10_000) Integer quantity,
        @Size(max = 32) String ticketNumber,
        @Size(max = 2000) String reason,
        @Size(max = 100) String person,
        @Size(max = 2000) String note) {
}
