package io.fleetcare.api.part;

import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.Caller;
import io.fleetcare.api.problem.InvalidRequestException;
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
 * change it. Every movement names the person who took or brought the parts; issues and returns name their ticket.
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
    AccountRepository accounts;

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
     * Books a movement and changes the stock in the same transaction.
     *
     * @param ticketNumber the ticket served; required for {@link MovementKind#needsTicket()}, else may be null
     * @param person       the account that took or brought the parts; must exist
     * @param note         may be null
     * @throws PartNotFoundException    when the part is not in the catalog
     * @throws InvalidRequestException  when the ticket is missing or unknown, or the person names no account
     * @throws StockConflictException   when the stock the movement takes from holds less than the quantity
     */
    @Transactional
    public PartView move(long partId, MovementKind kind, String location, int quantity, String ticketNumber,
            String person, String note, Caller caller) {
        SparePart part = parts.findByIdOptional(partId)
                .orElseThrow(() -> new PartNotFoundException(Long.toString(partId)));
        if (kind.needsTicket() && ticketNumber == null) {
            throw new InvalidRequestException("A " + kind + " names the ticket it serves (ticketNumber).");
        }
        if (ticketNumber != null && tickets.findByNumber(ticketNumber).isEmpty()) {
            throw new InvalidRequestException("ticketNumber " + ticketNumber + " names no ticket.");
        }
        if (accounts.findByUsername(person).isEmpty()) {
            throw new InvalidRequestException("person " + person + " names no account.");
        }
        try {
            if (kind.from() != null && !ledger.take(partId, location, kind.from(), quantity)) {
                throw new StockConflictException("insufficient-stock", "Insufficient stock",
                        "The " + kind.from() + " stock of part " + partId + " at " + location + " holds fewer than "
                                + quantity + ".");
            }
            if (kind.to() != null) {
                ledger.put(partId, location, kind.to(), quantity);
            }
            ledger.record(partId, location, kind, quantity, ticketNumber, person, caller.username(), now(), note);
        } catch (SQLException e) {
            throw new IllegalStateException("stock of part " + partId + " could not be booked", e);
        }
        LOG.infof("Booked %s of %d x part %d at %s (ticket %s, person %s) by %s", kind, quantity, partId, location,
                ticketNumber, person, caller.username());
        return view(part);
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
            return new PartView(part.id(), part.name(), part.spec(), part.abcClass(), part.createdBy(),
                    part.createdAt(), ledger.stock(part.id()), ledger.movements(part.id(), MOVEMENTS_SHOWN));
        } catch (SQLException e) {
            throw new IllegalStateException("stock of part " + part.id() + " could not be read", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
