package io.fleetcare.api.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/alerts/{alertId}/comments}.
 *
 * @param comment the words; required
 */
public record CommentRequest(@NotBlank @Size(max = 2000) String comment) {
}
