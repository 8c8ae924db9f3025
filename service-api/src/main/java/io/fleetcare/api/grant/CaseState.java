package io.fleetcare.api.grant;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What an implied grant needs of its case (pure): the case's status, assigned engineer and last status change, as
 * read from the {@code ticket} table, and whether that ends the grant.
 *
 * @param status           the ticket status's name; never null
 * @param assignedEngineer null while nobody is assigned
 * @param statusChangedAt  null when the database value was of no known time type
 */
record CaseState(String status, String assignedEngineer, Instant statusChangedAt) {

    /** The statuses of a case that is over, as an SQL list: a grant its assignment implied has ended. */
    static final String OVER = "('CLOSED', 'CANCELLED')";

    /** From a row {@code status, assigned_engineer, status_changed_at} of a native query. */
    static CaseState ofRow(Object[] row) {
        return new CaseState((String) row[0], (String) row[1], row[2] == null ? null : toInstant(row[2]));
    }

    /** Whether the case is closed or cancelled. */
    boolean over() {
        return OVER.contains("'" + status + "'");
    }

    /**
     * For a grant implied by an assignment of this case: when and why it ended, because the case is over or assigned
     * to somebody else than the grant's holder; null while it holds.
     */
    GrantView.Ending endingOf(AccessGrant grant) {
        if (over()) {
            return new GrantView.Ending(statusChangedAt, null, "case " + grant.ticketNumber() + " " + status);
        }
        if (!grant.requestedBy().equals(assignedEngineer)) {
            return new GrantView.Ending(null, null, "case " + grant.ticketNumber() + " assigned to somebody else");
        }
        return null;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
