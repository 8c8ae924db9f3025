package io.fleetcare.api.audit;

/** What an audit entry records (seed 000 "三、2." login, query and change are recorded for audit). */
public enum AuditAction {
    /** Somebody read a record; names the grant when class-1 fields were shown. */
    READ,
    /** Somebody wrote a record or an amendment. */
    WRITE,
    /** An account signed in (first request of a sign-in session, see login.LoginConfig). */
    LOGIN,
    /** The first wrong password (or unknown username) of a username + address in an audit window. */
    LOGIN_FAILED,
    /** Refused sign-ins of one tally key and audit window, aggregated in one entry (login.RefusalTally). */
    LOGIN_LOCKED,
    GRANT_REQUESTED,
    GRANT_APPROVED,
    GRANT_REFUSED,
    /** An administrator ended an approved grant before its time. */
    GRANT_REVOKED,
    /** The assignment of a field engineer to an open case implied a grant for the visit. */
    GRANT_IMPLIED,
    /** A grant implied by an assignment ended because the case was assigned to somebody else. */
    GRANT_ENDED,
    /** The purge job deleted a record past its retention. */
    PURGE
}
