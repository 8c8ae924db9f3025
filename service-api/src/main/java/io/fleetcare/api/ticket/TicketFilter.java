package io.fleetcare.api.ticket;

/**
 * Which tickets a search returns, newest first.
 *
 * @param deviceId only this device's tickets; null for all devices
 * @param status   only tickets in this status; null for any status
 * @param limit    at most this many tickets; positive
 */
public record TicketFilter(String deviceId, TicketStatus status, int limit) {

    public TicketFilter {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
    }
}
