package io.fleetcare.api.repair;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/repairs/{recordId}/amendments}: the approving manager is the caller.
 *
 * @param field  SYMPTOM, CAUSE, WORK_DONE, TEST_RESULT, MINUTES_SPENT or CUSTOMER_SIGN_OFF
 * @param value  the corrected value (a whole number of minutes for MINUTES_SPENT)
 * @param reason why the record was wrong
 * @param author the account that wrote the correction (usually the engineer of the record)
 */
public record AmendmentRequest(
        @NotBlank String field,
        @NotNull @NotBlank @Size(max = 4000) String value,
        @NotBlank @Size(max = 2000) String reason,
        @NotBlank @Size(max = 100) String author) {
}
