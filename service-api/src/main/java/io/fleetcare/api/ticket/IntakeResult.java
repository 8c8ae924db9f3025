package io.fleetcare.api.ticket;

/**
 * What taking in one maintenance request did.
 *
 * @param outcome      opened a ticket, joined an open one, or nothing because the request was already recorded
 * @param ticketNumber the ticket the request belongs to; never null
 */
public record IntakeResult(Outcome outcome, String ticketNumber) {

    public enum Outcome {
        /** A new ticket was registered for the request. */
        OPENED,
        /** The request and its evidence joined the open ticket of the same device and rule. */
        APPENDED,
        /** The request id was recorded before; nothing changed. */
        DUPLICATE
    }
}
