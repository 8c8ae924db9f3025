package io.fleetcare.api.ticket.exclusion;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.device.ServiceCategory;
import io.fleetcare.api.problem.ProblemException;
import io.fleetcare.api.ticket.Ticket;
import io.fleetcare.api.ticket.TicketConflictException;
import io.fleetcare.api.ticket.TicketNotFoundException;
import io.fleetcare.api.ticket.TicketRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Records a warranty exclusion on a case (seed 002 §2.1: the free service covers faults of the product, not those
 * of wrong installation or use, an unsuitable environment, force majeure; seed 003 "不属于保修范围" and tampering
 * with the labels, "私自撕毁卷标、涂改卷标的产品我司有权拒绝售后"). The exclusion names the reason, the evidence and the
 * signed-in person, and moves the case from {@link ServiceCategory#FREE} to {@link ServiceCategory#PAID}
 * (有偿服务) in the same transaction, with an audit entry. It is the only change of a case's category after
 * registration, and it is never changed itself (V55 refuses UPDATE and DELETE).
 *
 * <p>Permitted to a service manager or administrator on any open case, and to a field engineer on an open case
 * assigned to them (the engineer on site finds the cause); refused with 403 otherwise. Refused with 409 when the
 * case is closed or cancelled, already has an exclusion, or is not FREE (nothing to exclude from a warranty that
 * does not cover the case: CONTRACT, PAID or undetermined).
 */
@ApplicationScoped
public class WarrantyExclusions {

    /** Counter of recorded and refused exclusions, tag {@code outcome}. */
    public static final String METRIC = "fleetcare.warranty.exclusions";

    private static final Logger LOG = Logger.getLogger(WarrantyExclusions.class);

    private final TicketRepository tickets;
    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final Clock clock;
    private final MeterRegistry meters;

    public WarrantyExclusions(TicketRepository tickets, EntityManager entityManager, AuditTrail audit, Clock clock,
            MeterRegistry meters) {
        this.tickets = tickets;
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Records the exclusion and changes the case's category.
     *
     * @param number   the case's number; never null
     * @param reason   never null
     * @param evidence non-blank, already stripped
     * @param caller   the signed-in person; never null
     * @throws TicketNotFoundException        when there is no such case
     * @throws ExclusionNotPermittedException when an engineer is not assigned to the case
     * @throws TicketConflictException        when the case is not open, already has an exclusion or is not FREE
     */
    @Transactional
    public WarrantyExclusionView record(String number, ExclusionReason reason, String evidence, Caller caller) {
        Ticket ticket = tickets.findByNumberForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        try {
            check(ticket, caller);
        } catch (ProblemException refused) {
            meters.counter(METRIC, "outcome", "refused").increment();
            LOG.infof("Warranty exclusion %s on %s (device %s) by %s refused: %s", reason, number, ticket.deviceId(),
                    caller.username(), refused.detail());
            throw refused;
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entityManager.createNativeQuery("""
                INSERT INTO ticket_warranty_exclusion (ticket_id, reason, evidence, recorded_by, recorded_at,
                                                       category_before, category_after)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, ticket.id()).setParameter(2, reason.name()).setParameter(3, evidence)
                .setParameter(4, caller.username()).setParameter(5, at)
                .setParameter(6, ServiceCategory.FREE.name()).setParameter(7, ServiceCategory.PAID.name())
                .executeUpdate();
        int changed = entityManager.createNativeQuery("""
                UPDATE ticket SET service_category = ?1, version = version + 1
                WHERE id = ?2 AND service_category = ?3""")
                .setParameter(1, ServiceCategory.PAID.name()).setParameter(2, ticket.id())
                .setParameter(3, ServiceCategory.FREE.name()).executeUpdate();
        if (changed != 1) {
            throw new IllegalStateException("ticket " + number + " changed its category while locked");
        }
        audit.record(AuditAction.WRITE, caller.username(), AuditSubject.TICKET, number, null,
                "warranty exclusion " + reason + ": service category FREE -> PAID");
        meters.counter(METRIC, "outcome", "recorded").increment();
        LOG.infof("Warranty exclusion %s recorded on %s (device %s) by %s: FREE -> PAID", reason, number,
                ticket.deviceId(), caller.username());
        return new WarrantyExclusionView(number, reason, evidence, caller.username(), at, ServiceCategory.FREE,
                ServiceCategory.PAID);
    }

    /** The exclusion recorded on the case, if any. */
    @Transactional
    public Optional<WarrantyExclusionView> find(String number) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT t.number, e.reason, e.evidence, e.recorded_by, e.recorded_at, e.category_before, e.category_after
                FROM ticket_warranty_exclusion e JOIN ticket t ON t.id = e.ticket_id WHERE t.number = ?1""")
                .setParameter(1, number).getResultList();
        return rows.stream().findFirst().map(r -> new WarrantyExclusionView((String) r[0],
                ExclusionReason.valueOf((String) r[1]), (String) r[2], (String) r[3], instant(r[4]),
                ServiceCategory.valueOf((String) r[5]), ServiceCategory.valueOf((String) r[6])));
    }

    private void check(Ticket ticket, Caller caller) {
        boolean supervisor = caller.has(Role.SERVICE_MANAGER) || caller.has(Role.ADMIN);
        if (!supervisor && !caller.username().equals(ticket.assignedEngineer())) {
            throw new ExclusionNotPermittedException("Only the engineer assigned to " + ticket.number()
                    + " or a service manager may record a warranty exclusion on it.");
        }
        if (!ticket.status().isOpen()) {
            throw new TicketConflictException("ticket-not-open", "Ticket not open",
                    ticket.number() + " is " + ticket.status() + "; an exclusion is recorded while the case is open.");
        }
        if (find(ticket.number()).isPresent()) {
            throw new TicketConflictException("warranty-exclusion-exists", "Warranty exclusion already recorded",
                    ticket.number() + " already has a warranty exclusion; it is never changed.");
        }
        if (ticket.product().serviceCategory() != ServiceCategory.FREE) {
            throw new TicketConflictException("not-in-warranty", "Case not in warranty", ticket.number()
                    + " is " + (ticket.product().serviceCategory() == null ? "of undetermined category" : ticket.product().serviceCategory())
                    + ", not FREE; only a case served under warranty can be excluded from it.");
        }
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
