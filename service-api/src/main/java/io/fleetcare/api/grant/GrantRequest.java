package io.fleetcare.api.grant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/grants}: read access to one customer's class-1 fields. Exactly one of
 * {@code customerId}, {@code deviceId} (its owner) and {@code ticketNumber} (the owner of the case's device).
 *
 * @param reason          why the caller needs them (kept with the grant and in every audit entry of its reads)
 * @param durationMinutes how long after approval the grant holds, 1-10080 (a week)
 */
public record GrantRequest(@Positive Long customerId, @Size(min = 1, max = 100) String deviceId,
        @Size(min = 1, max = 40) String ticketNumber, @NotBlank @Size(max = 1000) String reason,
        @NotNull @Min(1) @Max(10080) Integer durationMinutes) {

    GrantSubject subject() {
        return new GrantSubject(customerId, blankToNull(deviceId), blankToNull(ticketNumber));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
