package io.fleetcare.api.ticket;

import io.fleetcare.api.ticket.returns.ReturnedGoods;
import io.fleetcare.api.ticket.returns.ReturnedGoodsView;
import io.fleetcare.api.ticket.sla.SlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Reads tickets for the API. */
@ApplicationScoped
public class TicketService {

    @Inject
    TicketRepository tickets;

    @Inject
    SlaPolicy slaPolicy;

    @Inject
    Clock clock;

    @Inject
    ReturnedGoods returnedGoods;

    /** Tickets matching the filter, most recently opened first; empty when none match. */
    public List<TicketView> search(TicketFilter filter) {
        List<Ticket> found = tickets.search(filter);
        Map<Long, ReturnedGoodsView> goods = returnedGoods.ofTickets(found.stream().map(Ticket::id).toList());
        return found.stream().map(t -> view(t, goods.get(t.id()))).toList();
    }

    /**
     * The ticket with this number, with its transition history.
     *
     * @throws TicketNotFoundException when there is none
     */
    public TicketView get(String number) {
        return tickets.findByNumber(number).map(t -> view(t, returnedGoods.find(number).orElse(null)))
                .orElseThrow(() -> new TicketNotFoundException(number));
    }

    private TicketView view(Ticket ticket, ReturnedGoodsView goods) {
        return TicketView.of(ticket, slaPolicy.breaches(ticket.due(), ticket.milestones(), clock.instant()), goods);
    }
}
