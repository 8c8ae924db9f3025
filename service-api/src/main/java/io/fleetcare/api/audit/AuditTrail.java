package io.fleetcare.api.audit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The access register (seed 000 §3.6.4-3.6.5, "三、2."): appends who did what to which record, when, from where,
 * through which endpoint and under which grant. Entries are kept {@link #RETENTION_YEARS} years and never changed;
 * the database refuses UPDATE and early DELETE (V20). An entry is written in the caller's transaction, so an
 * operation that rolls back leaves no entry and an entry that cannot be written fails the operation.
 */
@ApplicationScoped
public class AuditTrail {

    /** How long an entry is kept at least (seed 000 §3.6.5 "借阅登记至少应当保存2年"). */
    public static final int RETENTION_YEARS = 2;

    @Inject
    EntityManager entityManager;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    Clock clock;

    /**
     * Records an operation of the current HTTP request (or {@link RequestOrigin#INTERNAL} outside one).
     *
     * @param actor     the username; never null
     * @param subjectId may be null
     * @param grantId   the access grant that allowed class-1 fields to be shown; null when none was used
     * @param detail    free text for people; may be null
     */
    @Transactional
    public void record(AuditAction action, String actor, AuditSubject subject, String subjectId, Long grantId,
            String detail) {
        record(action, actor, subject, subjectId, grantId, detail, RequestOrigin.of(currentRequest.getCurrent()));
    }

    /** As {@link #record(AuditAction, String, AuditSubject, String, Long, String)} with an explicit origin. */
    @Transactional
    public void record(AuditAction action, String actor, AuditSubject subject, String subjectId, Long grantId,
            String detail, RequestOrigin origin) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        entityManager.createNativeQuery("""
                INSERT INTO audit_entry (at, actor, action, subject_type, subject_id, endpoint, remote_address,
                                         grant_id, detail, retain_until)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS text), ?6, CAST(?7 AS text), CAST(?8 AS bigint), CAST(?9 AS text),
                        ?10)""")
                .setParameter(1, at)
                .setParameter(2, actor)
                .setParameter(3, action.name())
                .setParameter(4, subject.name())
                .setParameter(5, subjectId)
                .setParameter(6, origin.endpoint())
                .setParameter(7, origin.remoteAddress())
                .setParameter(8, grantId)
                .setParameter(9, detail == null ? null : truncate(detail))
                .setParameter(10, LocalDate.ofInstant(at, ZoneOffset.UTC).plusYears(RETENTION_YEARS))
                .executeUpdate();
    }

    private static String truncate(String detail) {
        return detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }
}
