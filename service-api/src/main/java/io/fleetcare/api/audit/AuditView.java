package io.fleetcare.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An audit entry as {@code GET /api/audit} shows it. The field names are part of the API.
 *
 * @param subjectId     may be null
 * @param remoteAddress may be null
 * @param grantId       the grant under which class-1 fields were shown; null when none
 * @param detail        may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditView(long entryId, Instant at, String actor, AuditAction action, AuditSubject subjectType,
        String subjectId, String endpoint, String remoteAddress, Long grantId, String detail, LocalDate retainUntil) {
}
