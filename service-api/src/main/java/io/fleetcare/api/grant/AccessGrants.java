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
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Access grants to class-1 customer fields (seed 000 §3.6.1 "须经总经理/董事长批准方可借阅"). Anybody who reads
 * customers may ask, with a reason and a duration; an administrator — the account through which the top manager
 * (总经理/董事长) approves — decides, never on their own request. A service manager does not approve: seed 000
 * §3.6.2 lets the head of after-sales decide class-2 material only. Every request and decision is audited.
 */
@ApplicationScoped
public class AccessGrants implements PanacheRepositoryBase<AccessGrant, Long> {

    private static final Logger LOG = Logger.getLogger(AccessGrants.class);

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * @throws CustomerNotFoundException when the archive holds no such customer
     */
    @Transactional
    public GrantView request(long customerId, String reason, int durationMinutes, Caller caller) {
        boolean known = !getEntityManager().createNativeQuery("SELECT 1 FROM customer WHERE id = ?1")
                .setParameter(1, customerId).getResultList().isEmpty();
        if (!known) {
            throw new CustomerNotFoundException(Long.toString(customerId));
        }
        Instant now = now();
        AccessGrant grant = new AccessGrant(customerId, caller.username(), reason, now, durationMinutes);
        persist(grant);
        flush();
        audit.record(AuditAction.GRANT_REQUESTED, caller.username(), AuditSubject.CUSTOMER, Long.toString(customerId),
                grant.id(), reason);
        LOG.infof("Access grant %d to customer %d requested by %s for %d min", grant.id(), customerId,
                caller.username(), durationMinutes);
        return GrantView.of(grant, now);
    }

    /**
     * @throws GrantNotFoundException  when there is no such grant
     * @throws GrantDecisionException when it was decided before or the caller requested it
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
     * @throws GrantNotFoundException when there is no such grant, or it is another account's and the caller is no
     *                                administrator
     */
    @Transactional
    public GrantView get(long grantId, Caller caller) {
        AccessGrant grant = findByIdOptional(grantId).filter(g -> maySee(g, caller))
                .orElseThrow(() -> new GrantNotFoundException(Long.toString(grantId)));
        return GrantView.of(grant, now());
    }

    /**
     * Grants, latest request first: an administrator's view holds everybody's, anybody else's only their own.
     *
     * @param status     REQUESTED, APPROVED (still valid), REFUSED or EXPIRED; null for all
     * @param customerId null for all
     */
    @Transactional
    public List<GrantView> search(GrantStatus status, Long customerId, Caller caller, int limit) {
        Instant now = now();
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!caller.has(Role.ADMIN)) {
            conditions.add("requestedBy = :me");
            parameters.and("me", caller.username());
        }
        if (customerId != null) {
            conditions.add("customerId = :customer");
            parameters.and("customer", customerId);
        }
        if (status != null) {
            parameters.and("now", now);
            conditions.add(switch (status) {
                case REQUESTED -> "status = 'REQUESTED'";
                case REFUSED -> "status = 'REFUSED'";
                case APPROVED -> "status = 'APPROVED' and expiresAt > :now";
                case EXPIRED -> "status = 'APPROVED' and expiresAt <= :now";
            });
        }
        Sort latestFirst = Sort.descending("requestedAt").and("id", Sort.Direction.Descending);
        return (conditions.isEmpty() ? findAll(latestFirst)
                : find(String.join(" and ", conditions), latestFirst, parameters))
                .page(Page.ofSize(limit)).list().stream().map(g -> GrantView.of(g, now)).toList();
    }

    /**
     * The grant under which the account may read the customer's class-1 fields now: approved, not expired, the one
     * that runs longest.
     *
     * @return the grant id; empty when the account holds none
     */
    @Transactional
    public Optional<Long> validFor(String username, long customerId) {
        return find("requestedBy = ?1 and customerId = ?2 and status = ?3 and expiresAt > ?4",
                Sort.descending("expiresAt"), username, customerId, GrantStatus.APPROVED, now())
                .firstResultOptional().map(AccessGrant::id);
    }

    private GrantView decide(long grantId, Caller approver, boolean approve) {
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
        return GrantView.of(grant, now);
    }

    private static boolean maySee(AccessGrant grant, Caller caller) {
        return caller.has(Role.ADMIN) || grant.requestedBy().equals(caller.username());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
