package io.fleetcare.api.ticket;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetcare.api.archive.ClassOneMask;
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
 * @param serial           the product's serial, from the registry (or as told for an unregistered product); may be
 *                         null (telemetry cases of unregistered devices, cases stored before V62)
 * @param unregistered     whether the case is for a product the registry did not hold when it was opened
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
 * @param assignments      every assignment of the case, oldest first (the last is {@code assignment})
 * @param remoteResolutions every resolution without a repair record, oldest first
 * @param confirmations    every confirmation by the customer, oldest first (more than one after a reopening)
 */
public record TicketView(
        String number,
        TicketStatus status,
        TicketChannel channel,
        String deviceId,
        DeviceType deviceType,
        String model,
        String serial,
        boolean unregistered,
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
        List<Transition> transitions,
        List<AssignmentRecord> assignments,
        List<Resolution> remoteResolutions,
        List<Confirmation> confirmations) {

    /** One assignment as it was made; {@code lateReason} is left out unless the window ends after the on-site deadline. */
    public record AssignmentRecord(String engineer, Instant from, Instant to, String assignedBy, Instant assignedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String lateReason) {
    }

    /** How a case was resolved without a repair record, by whom and when. */
    public record Resolution(ResolutionMethod method, String workDone, String by, Instant at) {
    }

    /**
     * How the customer confirmed; {@code reference} and {@code repairRecordId} (the signed record, for SIGNATURE) are
     * left out when absent. {@code contact} is the customer's contact, class 1 (seed 000 §3.5, DOMAIN.md "Information
     * classes"): masked like every class-1 value shown without a grant ({@link ClassOneMask}: an e-mail address keeps
     * its first letter and domain, anything else its first character); the full value is stored.
     */
    public record Confirmation(ConfirmationMethod method, String contact,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reference,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long repairRecordId, String by, Instant at) {
    }

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

    private static String masked(CustomerConfirmation c) {
        return c.method() == ConfirmationMethod.EMAIL && c.contact().contains("@") ? ClassOneMask.email(c.contact())
                : ClassOneMask.name(c.contact());
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
                ticket.product().serial(),
                ticket.product().unregistered(),
                ticket.ruleId(),
                ticket.severity(),
                ticket.priority(),
                ticket.problem(),
                ticket.openedAt(),
                ticket.product().serviceCategory(),
                ticket.product().serviceComponentId(),
                ticket.complaint(),
                ticket.registeredBy(),
                new Sla(due.respondBy(), due.answerBy(), due.onSiteBy(), due.repairBy(), due.complaintVerifyBy(),
                        breaches.respond(), breaches.answer(), breaches.onSite(), breaches.repair(),
                        breaches.complaintVerify(), returnedGoods == null ? null : returnedGoods.dueBy(),
                        returnedGoods == null ? null : returnedGoods.breached()),
                assignment,
                evidence,
                requests.stream().map(TicketSourceRequest::requestId).toList(),
                transitions,
                ticket.assignments().stream().map(a -> new AssignmentRecord(a.engineer(), a.appointmentFrom(),
                        a.appointmentTo(), a.assignedBy(), a.assignedAt(), a.lateReason())).toList(),
                ticket.remoteResolutions().stream().map(r -> new Resolution(r.method(), r.workDone(), r.resolvedBy(),
                        r.at())).toList(),
                ticket.confirmations().stream().map(c -> new Confirmation(c.method(), masked(c), c.reference(),
                        c.repairRecordId(), c.recordedBy(), c.at())).toList());
    }
}
