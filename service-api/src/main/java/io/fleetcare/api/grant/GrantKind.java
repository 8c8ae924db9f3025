package io.fleetcare.api.grant;

/** How an access grant came about. */
public enum GrantKind {
    /** Asked for by a person with a reason, decided by an administrator (seed 000 §3.6.1). */
    REQUEST,
    /**
     * Implied by the assignment of a field engineer to an open case: what the visit needs (site address, the
     * contacts to meet) for that case's device, decided by whoever assigned, ending with the case or a reassignment.
     */
    ASSIGNMENT
}
