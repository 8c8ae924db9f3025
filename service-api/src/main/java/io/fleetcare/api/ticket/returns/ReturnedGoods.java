package io.fleetcare.api.ticket.returns;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.ticket.Ticket;
import io.fleetcare.api.ticket.TicketConflictException;
import io.fleetcare.api.ticket.TicketNotFoundException;
import io.fleetcare.api.ticket.TicketRepository;
import io.fleetcare.api.ticket.sla.SlaPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The returned-goods clock of a case (seed 003 "六、不良品退换货的相关要求" 9: 公司在收到退货后5个工作日内处理完毕 - the
 * company deals with returned goods within 5 working days of receiving them). It starts when the goods of a case
 * are received at the company, is due at the end of the 5th working day after that day ({@link
 * SlaPolicy#returnedGoodsDue}, the same working-day calendar as the repair clock) and stops when they have been
 * dealt with. The due time is stored at receipt; the breach is judged at each read, as for the other clocks.
 */
@ApplicationScoped
public class ReturnedGoods {

    private static final Logger LOG = Logger.getLogger(ReturnedGoods.class);

    private final TicketRepository tickets;
    private final EntityManager entityManager;
    private final SlaPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    public ReturnedGoods(TicketRepository tickets, EntityManager entityManager, SlaPolicy policy, AuditTrail audit,
            Clock clock) {
        this.tickets = tickets;
        this.entityManager = entityManager;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records that the goods of the case were received now and starts the clock.
     *
     * @throws TicketNotFoundException when there is no such case
     * @throws TicketConflictException when the case is closed or cancelled or its goods were received already
     */
    @Transactional
    public ReturnedGoodsView receive(String number, Caller caller) {
        Ticket ticket = tickets.findByNumberForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (!ticket.status().isOpen()) {
            throw refused(ticket, caller, new TicketConflictException("ticket-not-open", "Ticket not open",
                    number + " is " + ticket.status() + "; returned goods are received for an open case."));
        }
        if (find(number).isPresent()) {
            throw refused(ticket, caller, new TicketConflictException("returned-goods-received",
                    "Returned goods already received", "The returned goods of " + number + " were received already."));
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant due = policy.returnedGoodsDue(at);
        entityManager.createNativeQuery("""
                INSERT INTO ticket_returned_goods (ticket_id, received_at, received_by, due_by) VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, ticket.id()).setParameter(2, at).setParameter(3, caller.username())
                .setParameter(4, due).executeUpdate();
        audit.record(AuditAction.WRITE, caller.username(), AuditSubject.TICKET, number, null,
                "returned goods received, due " + due);
        LOG.infof("Returned goods of %s (device %s) received by %s, due %s", number, ticket.deviceId(),
                caller.username(), due);
        return find(number).orElseThrow();
    }

    /**
     * Records that the goods were dealt with now, which stops the clock.
     *
     * @throws TicketNotFoundException when there is no such case
     * @throws TicketConflictException when no goods were received for it or they were dealt with already
     */
    @Transactional
    public ReturnedGoodsView process(String number, String outcome, Caller caller) {
        Ticket ticket = tickets.findByNumberForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        ReturnedGoodsView goods = find(number).orElseThrow(() -> refused(ticket, caller, new TicketConflictException(
                "no-returned-goods", "No returned goods", "No returned goods were received for " + number + ".")));
        if (goods.processedAt() != null) {
            throw refused(ticket, caller, new TicketConflictException("returned-goods-processed",
                    "Returned goods already dealt with", "The returned goods of " + number + " were dealt with on "
                    + goods.processedAt() + "."));
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entityManager.createNativeQuery("""
                UPDATE ticket_returned_goods SET processed_at = ?1, processed_by = ?2, outcome = ?3
                WHERE ticket_id = ?4 AND processed_at IS NULL""")
                .setParameter(1, at).setParameter(2, caller.username()).setParameter(3, outcome)
                .setParameter(4, ticket.id()).executeUpdate();
        audit.record(AuditAction.WRITE, caller.username(), AuditSubject.TICKET, number, null,
                "returned goods dealt with" + (at.isAfter(goods.dueBy()) ? " after the due time " : " by ")
                        + goods.dueBy());
        return find(number).orElseThrow();
    }

    /** The returned goods of the case, if any were received. */
    @Transactional
    public Optional<ReturnedGoodsView> find(String number) {
        return rows("t.number = ?1", number).values().stream().findFirst();
    }

    /** The returned goods of these cases by ticket id; cases without are missing from the map. */
    @Transactional
    public Map<Long, ReturnedGoodsView> ofTickets(Collection<Long> ticketIds) {
        return ticketIds.isEmpty() ? Map.of() : rows("t.id IN (?1)", List.copyOf(ticketIds));
    }

    private Map<Long, ReturnedGoodsView> rows(String condition, Object value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT t.id, t.number, g.received_at, g.received_by, g.due_by, g.processed_at, g.processed_by, g.outcome
                FROM ticket_returned_goods g JOIN ticket t ON t.id = g.ticket_id WHERE\s""" + condition)
                .setParameter(1, value).getResultList();
        Instant now = clock.instant();
        Map<Long, ReturnedGoodsView> byTicket = new HashMap<>();
        for (Object[] r : rows) {
            Instant due = instant(r[4]);
            Instant processed = r[5] == null ? null : instant(r[5]);
            byTicket.put(((Number) r[0]).longValue(), new ReturnedGoodsView((String) r[1], instant(r[2]),
                    (String) r[3], due, processed, (String) r[6], (String) r[7],
                    policy.returnedGoodsBreached(due, processed, now)));
        }
        return byTicket;
    }

    private static TicketConflictException refused(Ticket ticket, Caller caller, TicketConflictException problem) {
        LOG.infof("Returned goods of %s (device %s) by %s refused: %s", ticket.number(), ticket.deviceId(),
                caller.username(), problem.detail());
        return problem;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
