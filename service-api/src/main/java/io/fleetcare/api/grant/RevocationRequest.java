package io.fleetcare.api.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/grants/{grantId}/revocation}: why the grant ends before its time. */
public record RevocationRequest(@NotBlank @Size(max = 1000) String reason) {
}
