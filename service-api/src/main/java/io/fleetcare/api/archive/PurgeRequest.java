package io.fleetcare.api.archive;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/archive/purge}: why the purge runs (kept in every audit entry it writes). */
public record PurgeRequest(@NotBlank @Size(max = 1000) String reason) {
}
