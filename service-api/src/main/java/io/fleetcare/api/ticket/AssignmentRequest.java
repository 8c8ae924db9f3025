package io.fleetcare.api.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Body of {@code PUT /api/tickets/{number}/assignment}.
 *
 * @param engineer username of an account with the FIELD_ENGINEER role
 * @param from     start of the appointment window (ISO-8601 instant)
 * @param to       end of the appointment window, after {@code from}
 * @param lateReason why the window ends after the case's on-site deadline, acknowledging it will be late; required
 *                 exactly then, refused otherwise
 */
public record AssignmentRequest(@NotBlank @Size(max = 100) String engineer, @NotNull Instant from,
        @NotNull Instant to, @Size(max = 2000) String lateReason) {
}
