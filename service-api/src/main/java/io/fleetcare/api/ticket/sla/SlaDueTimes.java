package io.fleetcare.api.ticket.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * When a ticket's service-level clocks run out. Fixed at registration.
 *
 * @param respondBy         the ticket must be acknowledged by then; never null
 * @param answerBy          the customer must have been told the appointment by then; never null
 * @param onSiteBy          an engineer must be on site by then; never null
 * @param repairBy          the repair must be done (ticket resolved) by then; never null
 * @param complaintVerifyBy a complaint must have been verified a first time by then; null when the ticket is
 *                          no complaint
 */
public record SlaDueTimes(Instant respondBy, Instant answerBy, Instant onSiteBy, Instant repairBy,
        Instant complaintVerifyBy) {

    public SlaDueTimes {
        Objects.requireNonNull(respondBy, "respondBy");
        Objects.requireNonNull(answerBy, "answerBy");
        Objects.requireNonNull(onSiteBy, "onSiteBy");
        Objects.requireNonNull(repairBy, "repairBy");
    }
}
