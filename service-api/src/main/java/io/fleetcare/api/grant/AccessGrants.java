package io.fleetcare.api.grant;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.customer.CustomerNotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Access grants to class-1 customer fields (seed 000 §3.6.1 "须经总经理/董事长批准方可借阅"). Anybody may ask — for a
 * customer, or for the owner of the device or case they are looking at without knowing who that is — with a reason
 * and a duration; the top manager ({@link Role#TOP_MANAGER}, 总经理/董事长) alone decides, never on their own
 * request. An administrator does not approve (since issue 21) but may, like the top manager, revoke an approved
 * grant. A service manager does not approve: seed 000 §3.6.2 lets the head of after-sales decide class-2 material
 * only.
 *
 * <p>The assignment of a field engineer to an open case implies a grant ({@link GrantKind#ASSIGNMENT}) for what the
 * visit needs, through that case's device only, until the case is closed, cancelled or assigned to somebody else.
 * Every request, decision, implied grant, revocation and end is audited.
 */
@ApplicationScoped
public class AccessGrants implements PanacheRepositoryBase<AccessGrant, Long> {

    private static final Logger LOG = Logger.getLogger(AccessGrants.class);

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Asks for access to the class-1 fields of one customer: named by id, or as the owner of a device or of a
     * case's device (the grant then names the device or case it was asked through).
     *
     * @param subject exactly one of its fields set
     * @throws CustomerNotFoundException when the archive holds no such customer
     * @throws GrantSubjectException    for an unknown device or case (404), a unit of no customer (409), or not
     *                                  exactly one subject (400)
     */
    @Transactional
    public GrantView request(GrantSubject subject, String reason, int durationMinutes, Caller caller) {
        long customerId;
        String deviceId = subject.deviceId();
        String ticketNumber = subject.ticketNumber();
        if (subject.count() != 1) {
            throw GrantSubjectException.oneSubject();
        }
        if (subject.customerId() != null) {
            customerId = subject.customerId();
            if (single("SELECT 1 FROM customer WHERE id = ?1", customerId).isEmpty()) {
                throw new CustomerNotFoundException(Long.toString(customerId));
            }
        } else {
            if (ticketNumber != null) {
                deviceId = single("SELECT device_id FROM ticket WHERE number = ?1", ticketNumber)
                        .map(Object::toString)
                        .orElseThrow(() -> GrantSubjectException.unknown("ticket " + subject.ticketNumber()));
            }
            customerId = ownerOf(deviceId, ticketNumber != null ? "The device of ticket " + ticketNumber
                    : "Device " + deviceId, ticketNumber == null);
        }
        Instant now = now();
        AccessGrant grant = new AccessGrant(customerId, deviceId, ticketNumber, caller.username(), reason, now,
                durationMinutes);
        persist(grant);
        flush();
        audit.record(AuditAction.GRANT_REQUESTED, caller.username(), AuditSubject.CUSTOMER, Long.toString(customerId),
                grant.id(), reason + GrantVisibility.throughWhat(deviceId, ticketNumber));
        LOG.infof("Access grant %d to customer %d requested by %s for %d min", grant.id(), customerId,
                caller.username(), durationMinutes);
        return view(grant, now, caller);
    }

    /**
     * @param approver must hold {@link Role#TOP_MANAGER}
     * @throws GrantNotFoundException  when there is no such grant
     * @throws GrantDecisionException when the approver is no top manager, it was decided before or the caller
     *                                requested it
     */
    @Transactional
    public GrantView approve(long grantId, Caller approver) {
        return decide(grantId, approver, true);
    }

    /** As {@link #approve} but refusing. */
    @Transactional
    public GrantView refuse(long grantId, Caller approver) {
        return decide(grantId, approver, false);
    }

    /**
     * Ends an approved grant in force now (an administrator's or the top manager's act); the grant reads REVOKED
     * from then on.
     *
     * @param reason never blank
     * @throws GrantNotFoundException when there is no such grant
     * @throws GrantEndException      when it is not in force (requested, refused, expired, ended)
     */
    @Transactional
    public GrantView revoke(long grantId, String reason, Caller administrator) {
        AccessGrant grant = getEntityManager().find(AccessGrant.class, grantId, LockModeType.PESSIMISTIC_WRITE);
        if (grant == null) {
            throw new GrantNotFoundException(Long.toString(grantId));
        }
        Instant now = now();
        GrantStatus status = statusOf(grant, now);
        if (status != GrantStatus.APPROVED) {
            throw GrantEndException.notInForce(grantId, status);
        }
        getEntityManager().persist(new GrantEnd(grantId, GrantStatus.REVOKED, now, administrator.username(), reason));
        flush();
        audit.record(AuditAction.GRANT_REVOKED, administrator.username(), AuditSubject.ACCESS_GRANT,
                Long.toString(grantId), grantId, "held by " + grant.requestedBy() + ": " + reason);
        LOG.infof("Access grant %d revoked by %s", grantId, administrator.username());
        return view(grant, now, administrator);
    }

    /**
     * The grant the assignment of a field engineer to a case implies, called in the assignment's transaction: ends
     * every grant an earlier assignment of the case implied for somebody else, and grants {@code engineer} what the
     * visit needs of the case's device's owner. Nothing is granted for a device of no customer, or when the
     * assigner assigns themselves (nobody decides their own grant).
     *
     * @param ticketNumber never null
     * @param engineer     the assigned field engineer; never null
     * @param assignedBy   who assigns; never null
     * @return the implied grant; empty when none was needed or possible
     */
    @Transactional
    public Optional<Long> impliedByAssignment(String ticketNumber, String engineer, Caller assignedBy) {
        Instant now = now();
        List<AccessGrant> earlier = find("kind = ?1 and ticketNumber = ?2 and status = ?3", GrantKind.ASSIGNMENT,
                ticketNumber, GrantStatus.APPROVED).list();
        boolean held = false;
        for (AccessGrant grant : earlier) {
            if (getEntityManager().find(GrantEnd.class, grant.id()) != null || !now.isBefore(grant.expiresAt())) {
                continue;
            }
            if (grant.requestedBy().equals(engineer)) {
                held = true;
                continue;
            }
            getEntityManager().persist(new GrantEnd(grant.id(), GrantStatus.ENDED, now, assignedBy.username(),
                    "case " + ticketNumber + " reassigned to " + engineer));
            audit.record(AuditAction.GRANT_ENDED, assignedBy.username(), AuditSubject.ACCESS_GRANT,
                    Long.toString(grant.id()), grant.id(), "case " + ticketNumber + " reassigned from "
                            + grant.requestedBy() + " to " + engineer);
        }
        if (held || engineer.equals(assignedBy.username())) {
            flush();
            return Optional.empty();
        }
        String deviceId = single("SELECT device_id FROM ticket WHERE number = ?1", ticketNumber).map(Object::toString)
                .orElseThrow(() -> GrantSubjectException.unknown("ticket " + ticketNumber));
        Optional<Long> owner = single("SELECT customer_id FROM device WHERE id = ?1 AND customer_id IS NOT NULL",
                deviceId).map(v -> ((Number) v).longValue());
        if (owner.isEmpty()) {
            flush();
            return Optional.empty();
        }
        AccessGrant grant = AccessGrant.impliedByAssignment(owner.get(), deviceId, ticketNumber, engineer,
                assignedBy.username(), now);
        persist(grant);
        flush();
        audit.record(AuditAction.GRANT_IMPLIED, assignedBy.username(), AuditSubject.ACCESS_GRANT,
                Long.toString(grant.id()), grant.id(), "case " + ticketNumber + " assigned to " + engineer
                        + ": site and contacts of device " + deviceId + " while the case is open");
        LOG.infof("Access grant %d implied by the assignment of %s to %s", grant.id(), ticketNumber, engineer);
        return Optional.of(grant.id());
    }

    /**
     * @throws GrantNotFoundException when there is no such grant, or it is another account's and the caller is no
     *                                administrator
     */
    @Transactional
    public GrantView get(long grantId, Caller caller) {
        AccessGrant grant = findByIdOptional(grantId).filter(g -> GrantVisibility.maySee(g, caller))
                .orElseThrow(() -> new GrantNotFoundException(Long.toString(grantId)));
        return view(grant, now(), caller);
    }

    /**
     * Grants, latest request first: the top manager's and an administrator's view holds everybody's, anybody else's only their own.
     *
     * @param status     REQUESTED, APPROVED (in force), REFUSED, EXPIRED, REVOKED or ENDED; null for all
     * @param customerId null for all
     */
    @Transactional
    public List<GrantView> search(GrantStatus status, Long customerId, Caller caller, int limit) {
        Instant now = now();
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!GrantVisibility.seesEveryGrant(caller)) {
            conditions.add("requestedBy = :me");
            parameters.and("me", caller.username());
        }
        if (customerId != null) {
            conditions.add("customerId = :customer");
            parameters.and("customer", customerId);
        }
        if (status != null) {
            conditions.add(switch (status) {
                case REQUESTED -> "status = 'REQUESTED'";
                case REFUSED -> "status = 'REFUSED'";
                default -> "status = 'APPROVED'";
            });
        }
        Sort latestFirst = Sort.descending("requestedAt").and("id", Sort.Direction.Descending);
        List<AccessGrant> found = (conditions.isEmpty() ? findAll(latestFirst)
                : find(String.join(" and ", conditions), latestFirst, parameters)).list();
        return found.stream().map(g -> view(g, now, caller))
                .filter(v -> status == null || v.status() == status)
                .limit(limit).toList();
    }

    /**
     * The grants under which the account may read class-1 fields now: approved, not expired, not ended, and for an
     * implied grant its case still open and still assigned to the account. Requests first, then the longest-running.
     *
     * @return never null
     */
    @Transactional
    public List<GrantInForce> inForce(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT g.id, g.kind, g.customer_id, g.device_id FROM access_grant g
                LEFT JOIN access_grant_end e ON e.grant_id = g.id
                LEFT JOIN ticket t ON g.kind = 'ASSIGNMENT' AND t.number = g.ticket_number
                WHERE g.requested_by = ?1 AND g.status = 'APPROVED' AND g.expires_at > ?2 AND e.grant_id IS NULL
                  AND (g.kind = 'REQUEST' OR (t.status NOT IN %s AND t.assigned_engineer = g.requested_by))
                ORDER BY g.kind DESC, g.expires_at DESC, g.id DESC""".formatted(CaseState.OVER))
                .setParameter(1, username).setParameter(2, now()).getResultList();
        return rows.stream().map(r -> new GrantInForce(((Number) r[0]).longValue(), GrantKind.valueOf((String) r[1]),
                ((Number) r[2]).longValue(), (String) r[3])).toList();
    }

    /**
     * The grant under which the account may read the customer's class-1 fields now.
     *
     * @param deviceId the device the read goes through (then a grant implied by an assignment of a case of that
     *                 device counts too); null for a read of the archive entry by id
     * @return empty when the account holds none
     */
    @Transactional
    public Optional<GrantInForce> inForce(String username, long customerId, String deviceId) {
        return covering(inForce(username), customerId, deviceId);
    }

    /** The first of {@code grants} covering a read of the customer through the device (null: by id). */
    public static Optional<GrantInForce> covering(Collection<GrantInForce> grants, long customerId, String deviceId) {
        return grants.stream().filter(g -> g.covers(customerId, deviceId)).findFirst();
    }

    /**
     * The requested grant under which the account may read the customer's archive entry now.
     *
     * @return the grant id; empty when the account holds none
     */
    @Transactional
    public Optional<Long> validFor(String username, long customerId) {
        return inForce(username, customerId, null).map(GrantInForce::grantId);
    }

    private GrantView decide(long grantId, Caller approver, boolean approve) {
        if (!approver.has(Role.TOP_MANAGER)) {
            throw GrantDecisionException.notTopManager(grantId);
        }
        AccessGrant grant = getEntityManager().find(AccessGrant.class, grantId, LockModeType.PESSIMISTIC_WRITE);
        if (grant == null) {
            throw new GrantNotFoundException(Long.toString(grantId));
        }
        if (grant.storedStatus() != GrantStatus.REQUESTED) {
            throw GrantDecisionException.decidedBefore(grantId);
        }
        if (grant.requestedBy().equals(approver.username())) {
            throw GrantDecisionException.ownRequest(grantId);
        }
        Instant now = now();
        if (approve) {
            grant.approve(approver.username(), now);
        } else {
            grant.refuse(approver.username(), now);
        }
        flush();
        audit.record(approve ? AuditAction.GRANT_APPROVED : AuditAction.GRANT_REFUSED, approver.username(),
                AuditSubject.ACCESS_GRANT, Long.toString(grantId), grantId,
                "customer " + grant.customerId() + ", requested by " + grant.requestedBy());
        LOG.infof("Access grant %d %s by %s", grantId, approve ? "approved" : "refused", approver.username());
        return view(grant, now, approver);
    }

    private GrantView view(AccessGrant grant, Instant now, Caller caller) {
        GrantEnd end = getEntityManager().find(GrantEnd.class, grant.id());
        GrantStatus status = statusOf(grant, now);
        GrantView.Ending ending = null;
        if (end != null) {
            ending = new GrantView.Ending(end.endedAt(), end.endedBy(), end.reason());
        } else if (status == GrantStatus.ENDED) {
            ending = caseEnding(grant);
        }
        return GrantView.of(grant, status, GrantVisibility.ownerShown(grant, status, caller), ending);
    }

    /** The status now, from the stored decision, an end written, the expiry and (implied grants) the case. */
    private GrantStatus statusOf(AccessGrant grant, Instant now) {
        if (grant.storedStatus() != GrantStatus.APPROVED) {
            return grant.storedStatus();
        }
        GrantEnd end = getEntityManager().find(GrantEnd.class, grant.id());
        if (end != null) {
            return end.kind();
        }
        if (grant.kind() == GrantKind.ASSIGNMENT && caseEnding(grant) != null) {
            return GrantStatus.ENDED;
        }
        return grant.statusAt(now);
    }

    /** For an implied grant whose case is over or assigned to somebody else: when and why it ended; else null. */
    private GrantView.Ending caseEnding(AccessGrant grant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT status, assigned_engineer, status_changed_at FROM ticket WHERE number = ?1")
                .setParameter(1, grant.ticketNumber()).getResultList();
        return rows.isEmpty() ? null : CaseState.ofRow(rows.get(0)).endingOf(grant);
    }

    private long ownerOf(String deviceId, String what, boolean deviceNamed) {
        @SuppressWarnings("unchecked")
        List<Object> rows = getEntityManager().createNativeQuery("SELECT customer_id FROM device WHERE id = ?1")
                .setParameter(1, deviceId).getResultList();
        if (rows.isEmpty()) {
            if (deviceNamed) {
                throw GrantSubjectException.unknown("device " + deviceId);
            }
            throw GrantSubjectException.noOwner(what);
        }
        if (rows.get(0) == null) {
            throw GrantSubjectException.noOwner(what);
        }
        return ((Number) rows.get(0)).longValue();
    }

    private Optional<Object> single(String sql, Object parameter) {
        @SuppressWarnings("unchecked")
        List<Object> rows = getEntityManager().createNativeQuery(sql).setParameter(1, parameter).getResultList();
        return rows.stream().findFirst();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
