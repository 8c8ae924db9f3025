package io.fleetcare.api.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the access register for administrators, latest first. */
@ApplicationScoped
public class AuditRegister {

    @Inject
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    /**
     * The entries matching the filter; the read itself is audited (READ AUDIT_ENTRY, with the filter), after the
     * search, so that it is not among its own results.
     *
     * @param reader who reads; never null
     */
    @Transactional
    public List<AuditView> search(AuditFilter filter, String reader) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        add(conditions, values, "actor = ?", filter.actor());
        add(conditions, values, "action = ?", filter.action() == null ? null : filter.action().name());
        add(conditions, values, "subject_type = ?", filter.subjectType() == null ? null : filter.subjectType().name());
        add(conditions, values, "subject_id = ?", filter.subjectId());
        add(conditions, values, "grant_id = ?", filter.grantId());
        add(conditions, values, "at >= ?", filter.since());
        add(conditions, values, "at < ?", filter.until());
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, subject_type, subject_id, endpoint, "
                + "remote_address, grant_id, detail, retain_until FROM audit_entry");
        for (int i = 0; i < conditions.size(); i++) {
            sql.append(i == 0 ? " WHERE " : " AND ").append(conditions.get(i).replace("?", "?" + (i + 1)));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(filter.limit());
        Query query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AuditView> found = rows.stream().map(AuditRegister::view).toList();
        audit.record(AuditAction.READ, reader, AuditSubject.AUDIT_ENTRY, null, null,
                found.size() + " entries read; filter " + filter);
        return found;
    }

    private static void add(List<String> conditions, List<Object> values, String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            values.add(value);
        }
    }

    private static AuditView view(Object[] r) {
        return new AuditView(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], AuditAction.valueOf((String) r[3]),
                AuditSubject.valueOf((String) r[4]), (String) r[5], (String) r[6], (String) r[7],
                r[8] == null ? null : ((Number) r[8]).longValue(), (String) r[9], date(r[10]));
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

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
