package io.fleetcare.api.ticket.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The returned goods of a case and their clock ({@code GET /api/tickets/{number}/returned-goods}).
 *
 * @param dueBy        end of the 5th working day after the day of receipt (seed 003 "六 9")
 * @param processedAt  when they were dealt with; left out while they are not
 * @param processedBy  who dealt with them; left out while nobody has
 * @param outcome      what was done (repaired and sent back, replaced, returned unrepaired); left out while open
 * @param breached     dealt with after {@code dueBy}, or not yet and {@code dueBy} is past
 */
public record ReturnedGoodsView(String ticketNumber, Instant receivedAt, String receivedBy, Instant dueBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant processedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String processedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String outcome,
        boolean breached) {
}
