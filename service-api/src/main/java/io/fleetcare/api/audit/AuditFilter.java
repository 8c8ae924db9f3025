package io.fleetcare.api.audit;

import java.time.Instant;

/**
 * Which audit entries to list; every criterion may be null (no restriction).
 *
 * @param since entries at or after
 * @param until entries before
 * @param limit 1-1000
 */
public record AuditFilter(String actor, AuditAction action, AuditSubject subjectType, String subjectId, Long grantId,
        Instant since, Instant until, int limit) {
}
