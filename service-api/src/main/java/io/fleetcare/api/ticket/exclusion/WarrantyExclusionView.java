package io.fleetcare.api.ticket.exclusion;

import io.fleetcare.api.device.ServiceCategory;
import java.time.Instant;

/**
 * A recorded warranty exclusion as clients see it.
 *
 * @param categoryBefore the case's category when the exclusion was recorded (always FREE)
 * @param categoryAfter  the case's category since (PAID)
 */
public record WarrantyExclusionView(String ticketNumber, ExclusionReason reason, String evidence, String recordedBy,
        Instant recordedAt, ServiceCategory categoryBefore, ServiceCategory categoryAfter) {
}
