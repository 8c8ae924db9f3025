package io.fleetcare.api.ticket;

import io.fleetcare.api.ticket.sla.SlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/** Reads tickets for the API. */
@ApplicationScoped
public class TicketService {

    @Inject
    TicketRepository tickets;

    @Inject
    SlaPolicy slaPolicy;

    @Inject
    Clock clock;

    /** Tickets matching the filter, most recently opened first; empty when none match. */
    public List<TicketView> search(TicketFilter filter) {
        return tickets.search(filter).stream().map(this::view).toList();
    }

    /**
     * The ticket with this number, with its transition history.
     *
     * @throws TicketNotFoundException when there is none
     */
    public TicketView get(String number) {
        return tickets.findByNumber(number).map(this::view)
                .orElseThrow(() -> new TicketNotFoundException(number));
    }

    private TicketView view(Ticket ticket) {
        return TicketView.of(ticket, slaPolicy.breaches(ticket.due(), ticket.milestones(), clock.instant()));
    }
}
