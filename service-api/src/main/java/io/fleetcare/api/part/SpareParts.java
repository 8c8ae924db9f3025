package io.fleetcare.api.part;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.api.ticket.Ticket;
import io.fleetcare.api.ticket.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Spare parts (seed 004 §3.6-3.7, §六): the catalog, stock per location and condition, and the movements that
 * change it. Every movement names its ticket or a reason and the person it is booked for (never a claimed name);
 * issues and returns name their ticket, and returns are bounded by what the ticket was issued.
 */
@ApplicationScoped
public class SpareParts {

    private static final Logger LOG = Logger.getLogger(SpareParts.class);
    private static final int MOVEMENTS_SHOWN = 100;

    @Inject
    SparePartRepository parts;

    @Inject
    StockLedger ledger;

    @Inject
    TicketRepository tickets;

    @Inject
    Clock clock;

    /**
     * Enters a part in the catalog.
     *
     * @throws StockConflictException when a part of this name and spec is in the catalog already
     */
    @Transactional
    public PartView add(String name, String spec, AbcClass abcClass, Caller caller) {
        if (parts.exists(name, spec)) {
            throw new StockConflictException("part-already-in-catalog", "Part already in catalog",
                    "The catalog holds " + name + " (" + spec + ") already.");
        }
        SparePart part = new SparePart(name, spec, abcClass, caller.username(), now());
        parts.persist(part);
        parts.flush();
        return view(part);
    }

    /**
     * Books a movement and changes the stock in the same transaction (seed 004 §3.6-3.7).
     *
     * <p>The person is never a claimed name: for ISSUE and RETURN it is the engineer assigned to the ticket (who
     * takes the part and brings the old one back, seed 004 §3.6.1, §3.4.2 E d), for every other kind the signed-in
     * caller. A RETURN is bounded by what was issued for that ticket minus what came back from it already; a
     * movement out of a condition by what that condition holds.
     *
     * @param ticketNumber  the ticket served; required for {@link MovementKind#needsTicket()}; else this or the
     *                      reason is required
     * @param reason        may be null when a ticket is named
     * @param claimedPerson may be null; when given it must be the person the movement is booked for
     * @param note          may be null
     * @throws PartNotFoundException   when the part is not in the catalog
     * @throws InvalidRequestException when the kind is a stocktake adjustment, the ticket or reason is missing,
     *                                 the ticket is unknown or has no engineer, or the claimed person differs
     * @throws StockConflictException  when a return exceeds what the ticket was issued, or the stock the
     *                                 movement takes from holds less than the quantity
     */
    @Transactional
    public PartView move(long partId, MovementKind kind, String location, int quantity, String ticketNumber,
            String reason, String claimedPerson, String note, Caller caller) {
        SparePart part = parts.findByIdOptional(partId)
                .orElseThrow(() -> new PartNotFoundException(Long.toString(partId)));
        if (kind.isAdjustment()) {
            throw new InvalidRequestException(kind + " is booked by a stocktake (POST /api/parts/stocktakes).");
        }
        if (kind.needsTicket() && ticketNumber == null) {
            throw new InvalidRequestException("A " + kind + " names the ticket it serves (ticketNumber).");
        }
        if (ticketNumber == null && reason == null) {
            throw new InvalidRequestException("A " + kind + " names its ticket (ticketNumber) or a reason.");
        }
        Ticket ticket = ticketNumber == null ? null : tickets.findByNumber(ticketNumber).orElseThrow(() ->
                new InvalidRequestException("ticketNumber " + ticketNumber + " names no ticket."));
        String person = kind.needsTicket() ? ticket.assignedEngineer() : caller.username();
        if (person == null) {
            throw new InvalidRequestException("Ticket " + ticketNumber + " has no assigned engineer to take or bring "
                    + "back the part; assign one first.");
        }
        if (claimedPerson != null && !claimedPerson.equals(person)) {
            throw new InvalidRequestException("person is not chosen by the caller: this " + kind + " is booked for "
                    + person + ", not " + claimedPerson + ".");
        }
        book(partId, kind, location, quantity, ticketNumber, person, reason, note, caller);
        return view(part);
    }

    /**
     * Issues a part from good stock for the repair record being filed, in the caller's transaction (seed 004
     * §3.6.2: the service form writes the issue off against the case).
     *
     * @param engineer the engineer who took the part; never null
     * @return the part issued with the movement's id; never null
     * @throws InvalidRequestException when the catalog holds no such part
     * @throws StockConflictException  when the good stock at the location holds less than the quantity
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedPart issueForRepair(long partId, String location, int quantity, String ticketNumber,
            String engineer, Caller caller) {
        SparePart part = parts.findByIdOptional(partId).orElseThrow(() ->
                new InvalidRequestException("partId " + partId + " names no part in the catalog."));
        long movementId = book(partId, MovementKind.ISSUE, location, quantity, ticketNumber, engineer,
                "replaced on the repair record", null, caller);
        return new IssuedPart(partId, part.name(), part.spec(), movementId);
    }

    /** A part issued for a repair record: catalog id, name, spec and the ISSUE movement. */
    public record IssuedPart(long partId, String name, String spec, long movementId) {
    }

    private long book(long partId, MovementKind kind, String location, int quantity, String ticketNumber,
            String person, String reason, String note, Caller caller) {
        long movementId;
        try {
            ledger.lock(partId);
            if (kind == MovementKind.RETURN) {
                int open = ledger.issuedNotReturned(partId, ticketNumber);
                if (quantity > open) {
                    LOG.warnf("Refused RETURN of %d x part %d for ticket %s by %s: %d issued and not returned",
                            quantity, partId, ticketNumber, caller.username(), open);
                    throw new StockConflictException("return-exceeds-issue", "Return exceeds issue",
                            "Ticket " + ticketNumber + " holds " + open + " of part " + partId + " issued and not "
                                    + "returned; a return of " + quantity + " exceeds it.");
                }
            }
            if (kind.from() != null && !ledger.take(partId, location, kind.from(), quantity)) {
                LOG.warnf("Refused %s of %d x part %d at %s (ticket %s) by %s: insufficient %s stock", kind,
                        quantity, partId, location, ticketNumber, caller.username(), kind.from());
                throw new StockConflictException("insufficient-stock", "Insufficient stock",
                        "The " + kind.from() + " stock of part " + partId + " at " + location + " holds fewer than "
                                + quantity + ".");
            }
            if (kind.to() != null) {
                ledger.put(partId, location, kind.to(), quantity);
            }
            movementId = ledger.record(partId, location, kind, null, quantity, ticketNumber, person,
                    caller.username(), now(), reason, note);
        } catch (SQLException e) {
            throw new IllegalStateException("stock of part " + partId + " could not be booked", e);
        }
        LOG.infof("Booked %s of %d x part %d at %s (ticket %s, person %s) by %s", kind, quantity, partId, location,
                ticketNumber, person, caller.username());
        return movementId;
    }

    /**
     * @throws PartNotFoundException when the part is not in the catalog
     */
    @Transactional
    public PartView get(long partId) {
        return view(parts.findByIdOptional(partId).orElseThrow(() -> new PartNotFoundException(Long.toString(partId))));
    }

    /** Catalog entries of one class (all when null), by id, with their stock and latest movements. */
    @Transactional
    public List<PartView> search(AbcClass abcClass, int limit) {
        return parts.search(abcClass, limit).stream().map(this::view).toList();
    }

    private PartView view(SparePart part) {
        try {
            List<StockLedger.StockLine> stock = ledger.stock(part.id());
            return new PartView(part.id(), part.name(), part.spec(), part.abcClass(), part.createdBy(),
                    part.createdAt(), stock, LedgerBalance.balances(stock, ledger.flows(part.id())),
                    ledger.movements(part.id(), MOVEMENTS_SHOWN));
        } catch (SQLException e) {
            throw new IllegalStateException("stock of part " + part.id() + " could not be read", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
