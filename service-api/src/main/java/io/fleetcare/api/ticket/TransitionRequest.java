package io.fleetcare.api.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/tickets/{number}/transitions}.
 *
 * @param to     the status to move to
 * @param reason why; required for ESCALATED and CANCELLED, optional otherwise
 */
public record TransitionRequest(@NotBlank String to, @Size(max = 2000) String reason) {
}
