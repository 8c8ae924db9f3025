package io.fleetcare.api.ticket;

/**
 * Where a service case stands. The lifecycle follows the seeds: registered -> acknowledged -> scheduled ->
 * on site -> resolved (tested on site) -> customer confirmed -> closed, with escalation to a supervisor at
 * any point (seed 000 §4.1-§4.2, seed 001 §三(二) 1-6). Which moves are allowed, and to whom, is decided by
 * {@link TicketLifecycle}.
 */
public enum TicketStatus {
    REGISTERED,
    ACKNOWLEDGED,
    SCHEDULED,
    ON_SITE,
    RESOLVED,
    CUSTOMER_CONFIRMED,
    CLOSED,
    ESCALATED,
    CANCELLED;

    /**
     * Whether the case is still open, so that a new request for the same device and rule joins it
     * instead of opening another. Must agree with the predicate of the database index
     * {@code ticket_one_open_per_device_rule} (migration V1).
     */
    public boolean isOpen() {
        return this != CLOSED && this != CANCELLED;
    }
}
