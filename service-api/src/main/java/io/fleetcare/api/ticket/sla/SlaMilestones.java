package io.fleetcare.api.ticket.sla;

import java.time.Instant;

/**
 * When a ticket first reached the points at which its service-level clocks stop. A later point of the main
 * line implies the earlier ones (a ticket resolved straight from escalation was also acknowledged then).
 *
 * @param acknowledgedAt when it was acknowledged; null while it has not been
 * @param scheduledAt    when an appointment was made and so the customer answered; null while not
 * @param onSiteAt       when an engineer arrived; null while not
 * @param resolvedAt     when the repair was done; null while not
 * @param stoppedAt      when the ticket was cancelled, which stops the clocks still running; null otherwise
 */
public record SlaMilestones(Instant acknowledgedAt, Instant scheduledAt,
        Instant onSiteAt, Instant resolvedAt, Instant stoppedAt) {

    /** A ticket that has reached nothing yet. */
    public static SlaMilestones none() {
        return new SlaMilestones(null, null, null, null, null);
    }
}
