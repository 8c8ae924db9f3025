package io.fleetcare.api.ticket;

import java.time.Instant;
import java.util.List;

/** What a ticket's transition history says (pure); the transitions oldest first, never null. */
final class TicketHistory {

    private TicketHistory() {
    }

    /** The status the ticket was escalated from, while it is ESCALATED; null otherwise or when unknown. */
    static TicketStatus escalatedFrom(TicketStatus status, List<TicketTransition> transitions) {
        if (status != TicketStatus.ESCALATED) {
            return null;
        }
        for (int i = transitions.size() - 1; i >= 0; i--) {
            if (transitions.get(i).to() == TicketStatus.ESCALATED) {
                return transitions.get(i).from();
            }
        }
        return null;
    }

    /** When the case was last reopened (see {@link TicketLifecycle#reopens}); null when it never was. */
    static Instant lastReopenedAt(List<TicketTransition> transitions) {
        for (int i = transitions.size() - 1; i >= 0; i--) {
            TicketTransition t = transitions.get(i);
            if (TicketLifecycle.reopens(t.from(), t.to())) {
                return t.at();
            }
        }
        return null;
    }
}
