package io.fleetcare.api.audit;

/** The kind of thing an audit entry is about. */
public enum AuditSubject {
    CUSTOMER,
    REPAIR_RECORD,
    ACCESS_GRANT,
    ACCOUNT,
    AUDIT_ENTRY,
    /** A service case (its warranty exclusion, its returned goods). */
    TICKET,
    /** A machine client's API token (issued, revoked). */
    API_TOKEN
}
