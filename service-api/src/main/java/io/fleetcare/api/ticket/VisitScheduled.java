package io.fleetcare.api.ticket;

import java.time.Instant;

/**
 * Fired (CDI event) when a ticket moves to SCHEDULED: the visit's time is agreed and the customer is to be told
 * time and place (seed 000 §4.2). Observers that act on it should observe after the transaction succeeded.
 *
 * @param number          the ticket's number; never null
 * @param deviceId        never null
 * @param customerId      the owner of the device as registered; null when unknown
 * @param engineer        the assigned field engineer's username; never null (SCHEDULED needs one)
 * @param appointmentFrom never null
 * @param appointmentTo   never null
 * @param scheduledBy     who moved the ticket; never null
 */
public record VisitScheduled(String number, String deviceId, Long customerId, String engineer,
        Instant appointmentFrom, Instant appointmentTo, String scheduledBy) {
}
