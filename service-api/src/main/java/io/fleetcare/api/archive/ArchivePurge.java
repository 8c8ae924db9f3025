package io.fleetcare.api.archive;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The one way archive data leaves the database: an administrator's explicit purge of what is past its retention
 * (seed 000 §3.7.2: customer archive entries and records at least 3 years; §3.6.5: the access register at least 2
 * years). It deletes only rows the database agrees are past retention — the triggers of V20 refuse everything
 * else, and refuse any DELETE outside a transaction that announced itself as the purge
 * ({@code fleetcare.purge = 'on'}). Every deleted entry and record gets an audit entry naming the reason.
 */
@ApplicationScoped
public class ArchivePurge {

    private static final Logger LOG = Logger.getLogger(ArchivePurge.class);

    @Inject
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * @param reason why; never blank
     * @param caller the administrator; never null
     * @return what was deleted; never null
     */
    @Transactional
    public PurgeReport purge(String reason, Caller caller) {
        entityManager.createNativeQuery("SELECT set_config('fleetcare.purge', 'on', true)").getSingleResult();
        List<Long> customers = ids("SELECT id FROM customer WHERE retain_until < current_date ORDER BY id");
        for (long id : customers) {
            execute("UPDATE device SET customer_id = NULL WHERE customer_id = ?1", id);
            execute("DELETE FROM customer_contact WHERE customer_id = ?1", id);
            execute("DELETE FROM customer WHERE id = ?1", id);
            audit.record(AuditAction.PURGE, caller.username(), AuditSubject.CUSTOMER, Long.toString(id), null, reason);
        }
        List<Long> records = ids("SELECT id FROM repair_record WHERE "
                + "(recorded_at AT TIME ZONE 'UTC')::date + interval '3 years' < current_date ORDER BY id");
        for (long id : records) {
            execute("DELETE FROM repair_part WHERE record_id = ?1", id);
            execute("DELETE FROM repair_amendment_approval WHERE record_id = ?1", id);
            execute("DELETE FROM repair_amendment WHERE record_id = ?1", id);
            execute("DELETE FROM repair_record WHERE id = ?1", id);
            audit.record(AuditAction.PURGE, caller.username(), AuditSubject.REPAIR_RECORD, Long.toString(id), null,
                    reason);
        }
        long auditEntries = entityManager.createNativeQuery("DELETE FROM audit_entry WHERE retain_until < current_date")
                .executeUpdate();
        // The run itself is registered, also when nothing was past retention.
        audit.record(AuditAction.PURGE, caller.username(), AuditSubject.AUDIT_ENTRY, null, null,
                "purge run: " + customers.size() + " customer(s), " + records.size() + " repair record(s), "
                        + auditEntries + " audit entries past retention; " + reason);
        LOG.infof("Purge by %s: %d customer(s), %d repair record(s), %d audit entries (%s)", caller.username(),
                customers.size(), records.size(), auditEntries, reason);
        return new PurgeReport(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.username(), reason, customers,
                records, auditEntries);
    }

    private List<Long> ids(String sql) {
        @SuppressWarnings("unchecked")
        List<Number> rows = entityManager.createNativeQuery(sql).getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    private void execute(String sql, long id) {
        entityManager.createNativeQuery(sql).setParameter(1, id).executeUpdate();
    }
}
