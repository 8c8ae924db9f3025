package io.fleetcare.api.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetcare.api.device.ServiceCategory;
import io.fleetcare.api.ticket.returns.ReturnedGoodsView;
import io.fleetcare.api.ticket.sla.SlaBreaches;
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
 * @param serviceCategory  how the case is billed, decided at registration from the warranty of the component it
 *                         names, else of all the device's components when they agree; null when undetermined
 * @param serviceComponentId the device component the case names; null when it names none
 * @param complaint        whether the customer complains (cases registered by hand only)
 * @param registeredBy     the account that registered the case by hand; null for cases telemetry opened
 * @param assignment       the assigned engineer and appointment window; null while nobody is assigned
 * @param evidence         the readings of all source requests, by reading time
 * @param sourceRequestIds the maintenance requests that fed the ticket, in the order they arrived
 * @param transitions      every status change, oldest first
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
        ServiceCategory serviceCategory,
        Long serviceComponentId,
        boolean complaint,
        String registeredBy,
        Sla sla,
        Assignment assignment,
        List<Evidence> evidence,
        List<String> sourceRequestIds,
        List<Transition> transitions) {

    /**
     * The service-level due times and whether each target is missed (see {@code SlaPolicy}).
     *
     * @param complaintVerifyBy       left out unless the ticket is a complaint
     * @param complaintVerifyBreached left out unless the ticket is a complaint
     * @param returnedGoodsBy         left out until returned goods of the case are received (seed 003 "六 9")
     * @param returnedGoodsBreached   left out until returned goods of the case are received
     */
    public record Sla(Instant respondBy, Instant answerBy, Instant onSiteBy, Instant repairBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant complaintVerifyBy,
            boolean respondBreached, boolean answerBreached, boolean onSiteBreached, boolean repairBreached,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean complaintVerifyBreached,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant returnedGoodsBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean returnedGoodsBreached) {
    }

    /** Who goes on site and the appointment window told to the customer. */
    public record Assignment(String engineer, Instant from, Instant to) {
    }

    /** One reading; {@code value} for numeric readings, {@code text} for textual ones. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evidence(Instant ts, String metric, Double value, String text) {
    }

    /** One status change; {@code reason} is left out when none was given. */
    public record Transition(TicketStatus from, TicketStatus to,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason, String by, Instant at) {
    }

    /**
     * @param returnedGoods the case's returned goods; null when none were received
     */
    static TicketView of(Ticket ticket, SlaBreaches breaches, ReturnedGoodsView returnedGoods) {
        List<TicketSourceRequest> requests = ticket.sourceRequests();
        List<Evidence> evidence = requests.stream()
                .flatMap(r -> r.evidence().stream())
                .map(e -> new Evidence(e.ts(), e.metric(), e.value(), e.text()))
                .sorted(Comparator.comparing(Evidence::ts))
                .toList();
        SlaDueTimes due = ticket.due();
        Assignment assignment = ticket.assignedEngineer() == null ? null
                : new Assignment(ticket.assignedEngineer(), ticket.appointmentFrom(), ticket.appointmentTo());
        List<Transition> transitions = ticket.transitions().stream()
                .map(t -> new Transition(t.from(), t.to(), t.reason(), t.actor(), t.at()))
                .toList();
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
                ticket.serviceCategory(),
                ticket.serviceComponentId(),
                ticket.complaint(),
                ticket.registeredBy(),
                new Sla(due.respondBy(), due.answerBy(), due.onSiteBy(), due.repairBy(), due.complaintVerifyBy(),
                        breaches.respond(), breaches.answer(), breaches.onSite(), breaches.repair(),
                        breaches.complaintVerify(), returnedGoods == null ? null : returnedGoods.dueBy(),
                        returnedGoods == null ? null : returnedGoods.breached()),
                assignment,
                evidence,
                requests.stream().map(TicketSourceRequest::requestId).toList(),
                transitions);
    }
}
