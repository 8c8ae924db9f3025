package io.fleetcare.api.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Something a person did with an alert, as the API shows it; never changed once written.
 *
 * @param kind         ACKNOWLEDGEMENT, COMMENT or TICKET (a ticket opened from the alert by hand)
 * @param comment      the words; null for a bare acknowledgement or a ticket
 * @param ticketNumber the ticket, for kind TICKET; otherwise null
 * @param by           the account; never null
 * @param at           when; never null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertNote(Kind kind, String comment, String ticketNumber, String by, Instant at) {

    public enum Kind {
        ACKNOWLEDGEMENT,
        COMMENT,
        TICKET
    }
}
