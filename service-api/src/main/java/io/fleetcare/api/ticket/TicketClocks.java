package io.fleetcare.api.ticket;

import io.fleetcare.api.ticket.sla.SlaDueTimes;
import io.fleetcare.api.ticket.sla.SlaMilestones;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * A ticket's service-level clocks as stored on its row: the due times set at registration and when each milestone
 * was first reached. Reaching a later milestone of the main line also marks the earlier ones not yet reached (a
 * ticket resolved straight from escalation was also acknowledged, scheduled and on site then).
 */
@Embeddable
public class TicketClocks {

    @Column(name = "respond_by", nullable = false)
    private Instant respondBy;

    @Column(name = "on_site_by", nullable = false)
    private Instant onSiteBy;

    @Column(name = "answer_by", nullable = false)
    private Instant answerBy;

    @Column(name = "repair_by", nullable = false)
    private Instant repairBy;

    @Column(name = "complaint_verify_by")
    private Instant complaintVerifyBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "scheduled_at")
    private Instant scheduledAt;

    @Column(name = "on_site_at")
    private Instant onSiteAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected TicketClocks() {
    }

    /** Clocks that have reached nothing yet; {@code due} never null. */
    TicketClocks(SlaDueTimes due) {
        respondBy = due.respondBy();
        answerBy = due.answerBy();
        onSiteBy = due.onSiteBy();
        repairBy = due.repairBy();
        complaintVerifyBy = due.complaintVerifyBy();
    }

    /** Never null. */
    SlaDueTimes due() {
        return new SlaDueTimes(respondBy, answerBy, onSiteBy, repairBy, complaintVerifyBy);
    }

    /** What was reached so far; {@code stoppedAt} is when a cancelled ticket stopped its clocks, else null. */
    SlaMilestones reached(Instant stoppedAt) {
        return new SlaMilestones(acknowledgedAt, scheduledAt, onSiteAt, resolvedAt, stoppedAt);
    }

    /** Records the milestones a move to {@code to} at {@code at} reaches for the first time; both never null. */
    void reach(TicketStatus to, Instant at) {
        int depth = switch (to) {
            case CUSTOMER_CONFIRMED, CLOSED, RESOLVED -> 4;
            case ON_SITE -> 3;
            case SCHEDULED -> 2;
            case ACKNOWLEDGED -> 1;
            case REGISTERED, ESCALATED, CANCELLED -> 0;
        };
        if (depth >= 1) {
            acknowledgedAt = firstOf(acknowledgedAt, at);
        }
        if (depth >= 2) {
            scheduledAt = firstOf(scheduledAt, at);
        }
        if (depth >= 3) {
            onSiteAt = firstOf(onSiteAt, at);
        }
        if (depth >= 4) {
            resolvedAt = firstOf(resolvedAt, at);
        }
    }

    private static Instant firstOf(Instant reached, Instant at) {
        return reached != null ? reached : at;
    }
}
