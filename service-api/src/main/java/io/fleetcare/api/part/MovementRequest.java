package io.fleetcare.api.part;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/parts/{partId}/movements}.
 *
 * @param kind         RECEIPT, ISSUE, RETURN, REFURBISHED, FOUND_DEFECTIVE or RETURN_TO_MAKER
 * @param location     the store, e.g. "Ningbo depot"
 * @param quantity     1-10000
 * @param ticketNumber required for ISSUE and RETURN, optional otherwise
 * @param person       the account that took or brought the parts
 * @param note         optional
 */
public record MovementRequest(
        @NotBlank String kind,
        @NotBlank @Size(max = 100) String location,
        @NotNull @Min(1) @Max(10_000) Integer quantity,
        @Size(max = 32) String ticketNumber,
        @NotBlank @Size(max = 100) String person,
        @Size(max = 2000) String note) {
}
