package io.fleetcare.api.ticket.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * When a ticket's service-level clocks run out.
 *
 * @param respondBy the ticket must be acknowledged by then; never null
 * @param onSiteBy  an engineer must be on site by then; never null
 */
public record SlaDueTimes(Instant respondBy, Instant onSiteBy) {

    public SlaDueTimes {
        Objects.requireNonNull(respondBy, "respondBy");
        Objects.requireNonNull(onSiteBy, "onSiteBy");
    }
}
