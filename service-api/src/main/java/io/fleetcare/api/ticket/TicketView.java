package io.fleetcare.api.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetcare.api.ticket.sla.SlaDueTimes;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A ticket as clients see it ({@code GET /api/tickets}). The field names are part of the API.
 *
 * @param model            may be null
 * @param ruleId           null for cases registered by hand
 * @param evidence         the readings of all source requests, by reading time
 * @param sourceRequestIds the maintenance requests that fed the ticket, in the order they arrived
 */
public record TicketView(
        String number,
        TicketStatus status,
        TicketChannel channel,
        String deviceId,
        DeviceType deviceType,
        String model,
        String ruleId,
        Severity severity,
        TicketPriority priority,
        String problem,
        Instant openedAt,
        Sla sla,
        List<Evidence> evidence,
        List<String> sourceRequestIds) {

    /**
     * @param respondBy       the response target
     * @param onSiteBy        the on-site target
     * @param respondBreached true when the ticket still awaits its first response after {@code respondBy}
     */
    public record Sla(Instant respondBy, Instant onSiteBy, boolean respondBreached) {
    }

    /** One reading; {@code value} for numeric readings, {@code text} for textual ones. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(Instant ts, String metric, Double value, String text) {
    }

    static TicketView of(Ticket ticket, boolean respondBreached) {
        List<TicketSourceRequest> requests = ticket.sourceRequests();
        List<Evidence> evidence = requests.stream()
                .flatMap(r -> r.evidence().stream())
                .map(e -> new Evidence(e.ts(), e.metric(), e.value(), e.text()))
                .sorted(Comparator.comparing(Evidence::ts))
                .toList();
        SlaDueTimes due = ticket.due();
        return new TicketView(
                ticket.number(),
                ticket.status(),
                ticket.channel(),
                ticket.deviceId(),
                ticket.deviceType(),
                ticket.model(),
                ticket.ruleId(),
                ticket.severity(),
                ticket.priority(),
                ticket.problem(),
                ticket.openedAt(),
                new Sla(due.respondBy(), due.onSiteBy(), respondBreached),
                evidence,
                requests.stream().map(TicketSourceRequest::requestId).toList());
    }
}
