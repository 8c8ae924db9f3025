package io.fleetcare.api.ticket.exclusion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/tickets/{number}/warranty-exclusion}.
 *
 * @param reason   one of {@link ExclusionReason}
 * @param evidence what was found and how it shows the reason (photos referenced, seals, readings); 1-2000 characters
 */
public record WarrantyExclusionRequest(@NotBlank String reason, @NotBlank @Size(max = 2000) String evidence) {
}
