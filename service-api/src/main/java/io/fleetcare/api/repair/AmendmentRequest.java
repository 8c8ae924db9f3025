package io.fleetcare.api.repair;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/repairs/{recordId}/amendments}: the author is the caller; another person approves it with
 * {@code POST /api/repairs/{recordId}/amendments/{amendmentId}/approval}.
 *
 * @param field  SYMPTOM, CAUSE, WORK_DONE, TEST_RESULT, MINUTES_SPENT or CUSTOMER_SIGN_OFF
 * @param value  the corrected value (a whole number of minutes for MINUTES_SPENT)
 * @param reason why the record was wrong
 * @param author must be absent: the author is the signed-in account, never a name claimed in the body (400 when
 *               given)
 */
public record AmendmentRequest(
        @NotBlank String field,
        @NotNull @NotBlank @Size(max = 4000) String value,
        @NotBlank @Size(max = 2000) String reason,
        @Null(message = "must be left out: the author of an amendment is the signed-in account") String author) {
}
