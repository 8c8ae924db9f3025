package io.fleetcare.api.alert;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/alerts/{alertId}/acknowledgement}; the body itself may be left out.
 *
 * @param comment optional words with the acknowledgement
 */
public record AcknowledgementRequest(@Size(max = 2000) String comment) {
}
