package io.fleetcare.api.ticket;

import io.fleetcare.api.account.Account;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.grant.AccessGrants;
import io.fleetcare.api.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Moves tickets through their lifecycle and assigns engineers, each change in its own transaction with the
 * ticket row locked, so that concurrent changes of one ticket happen one after the other and each sees the
 * status the previous one left. Every change is appended to the ticket's history.
 */
@ApplicationScoped
public class TicketWorkflow {

    private static final Logger LOG = Logger.getLogger(TicketWorkflow.class);
    /** How far before now a window may start: the seconds a manager takes between picking "now" and sending it. */
    private static final java.time.Duration PAST_TOLERANCE = java.time.Duration.ofMinutes(5);
    private static final Set<TicketStatus> ASSIGNABLE =
            EnumSet.of(TicketStatus.REGISTERED, TicketStatus.ACKNOWLEDGED, TicketStatus.SCHEDULED, TicketStatus.ESCALATED);

    @Inject
    TicketRepository tickets;

    @Inject
    AccountRepository accounts;

    @Inject
    EntityManager entityManager;

    @Inject
    AccessGrants grants;

    @Inject
    Clock clock;

    @Inject
    Event<VisitScheduled> visitScheduled;

    /**
     * What the customer told when confirming a resolved case.
     *
     * @param method    how the customer confirmed; never null
     * @param contact   the customer's contact as told (name, number called, address written to); may be null only
     *                  for SIGNATURE, where it defaults to the signer named on the repair record
     * @param reference the customer's reference as told (call log id, mail subject, survey number); may be null
     */
    public record Confirmation(ConfirmationMethod method, String contact, String reference) {
    }

    /**
     * What was done to resolve a case without a repair record.
     *
     * @param method   how; never null
     * @param workDone what was done; never null or blank
     */
    public record RemoteFix(ResolutionMethod method, String workDone) {
    }

    /**
     * Moves a ticket to another status, as decided by {@link TicketLifecycle}, and records who, when and why,
     * with the evidence the move needs.
     *
     * @param number       the ticket's number; never null
     * @param to           the status to move to; never null
     * @param reason       why; required for ESCALATED, CANCELLED and a reopening, may be null otherwise
     * @param remoteFix    how the case was resolved without a repair record; only with a move to RESOLVED, may be
     *                     null when a repair record was filed on the case (since it was last reopened)
     * @param confirmation how the customer confirmed; required with a move to CUSTOMER_CONFIRMED, null otherwise
     * @param caller       who asks; never null
     * @throws TicketNotFoundException          when there is no such ticket
     * @throws IllegalTransitionException       when the lifecycle does not allow the move (409)
     * @throws TransitionNotPermittedException  when the caller's roles do not allow it, or a field engineer
     *                                          moves a ticket assigned to somebody else (403)
     * @throws InvalidRequestException          when a required reason or confirmation is missing, or evidence is
     *                                          given for a move that takes none (400)
     * @throws TicketConflictException          when the move needs an assigned engineer and there is none, or
     *                                          evidence the case does not hold (409)
     */
    @Transactional
    public void transition(String number, TicketStatus to, String reason, RemoteFix remoteFix,
            Confirmation confirmation, Caller caller) {
        Objects.requireNonNull(to, "to");
        Ticket ticket = tickets.findByNumberForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        TicketStatus from = ticket.status();
        TicketStatus escalatedFrom = ticket.escalatedFrom();
        if (!TicketLifecycle.allows(from, to, escalatedFrom)) {
            throw new IllegalTransitionException(number, from, to, escalatedFrom);
        }
        if (!TicketLifecycle.permits(caller.roles(), from, to, escalatedFrom)) {
            throw new TransitionNotPermittedException(
                    "The roles of this account do not allow moving a ticket from " + from + " to " + to + ".");
        }
        if (TicketLifecycle.onlyAsAssignedEngineer(caller.roles(), from, to)
                && !caller.username().equals(ticket.assignedEngineer())) {
            throw new TransitionNotPermittedException(
                    "Ticket " + number + " is not assigned to this account; only its assigned engineer may move it.");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (TicketLifecycle.reasonRequired(from, to) && why == null) {
            throw new InvalidRequestException(TicketLifecycle.reopens(from, to)
                    ? "Reopening a " + from + " ticket needs a reason."
                    : "A move to " + to + " needs a reason.");
        }
        if (remoteFix != null && !TicketLifecycle.resolutionRequired(to)) {
            throw new InvalidRequestException("remoteResolution is given with a move to RESOLVED only.");
        }
        if (confirmation != null && !TicketLifecycle.confirmationRequired(to)) {
            throw new InvalidRequestException("confirmation is given with a move to CUSTOMER_CONFIRMED only.");
        }
        if (TicketLifecycle.assignmentRequired(to) && ticket.assignedEngineer() == null) {
            throw new TicketConflictException("assignment-required", "Assignment required",
                    "Ticket " + number + " has no assigned engineer; assign one before moving it to " + to + ".");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<TicketRepository.FiledRecord> records = tickets.recordsFiledOn(number, ticket.lastReopenedAt());
        if (TicketLifecycle.resolutionRequired(to) && remoteFix == null && records.isEmpty()) {
            throw new TicketConflictException("evidence-required", "Evidence required",
                    "Ticket " + number + " has no repair record" + (ticket.lastReopenedAt() == null ? ""
                            : " filed since it was reopened") + " and no remote resolution was given: file the repair "
                            + "record, or state the remoteResolution (method " + Arrays.toString(ResolutionMethod.values())
                            + " and workDone).");
        }
        Object evidence = null;
        if (remoteFix != null) {
            evidence = ticket.resolveRemotely(remoteFix.method(), remoteFix.workDone().strip(), caller.username(), now);
        }
        if (TicketLifecycle.confirmationRequired(to)) {
            evidence = confirmation(ticket, confirmation, records, caller, now);
        }
        if (to == TicketStatus.CLOSED && (ticket.confirmations().isEmpty()
                || (ticket.remoteResolutions().isEmpty() && tickets.recordsFiledOn(number, null).isEmpty()))) {
            throw new TicketConflictException("evidence-required", "Evidence required",
                    "Ticket " + number + " cannot be closed without a repair record or a remote resolution and the "
                            + "customer's confirmation.");
        }
        if (evidence != null) {
            entityManager.persist(evidence);
        }
        entityManager.persist(ticket.moveTo(to, now, caller.username(), why));
        LOG.infof("Ticket %s moved %s -> %s by %s", number, from, to, caller.username());
        if (to == TicketStatus.SCHEDULED) {
            visitScheduled.fire(new VisitScheduled(number, ticket.deviceId(), ticket.product().customerId(),
                    ticket.assignedEngineer(), ticket.appointmentFrom(), ticket.appointmentTo(), caller.username()));
        }
    }

    private static CustomerConfirmation confirmation(Ticket ticket, Confirmation given,
            List<TicketRepository.FiledRecord> records, Caller caller, Instant now) {
        if (given == null || given.method() == null) {
            throw new InvalidRequestException("A move to CUSTOMER_CONFIRMED needs the confirmation: its method ("
                    + Arrays.toString(ConfirmationMethod.values()) + ") and the customer's contact as told.");
        }
        String contact = given.contact() == null || given.contact().isBlank() ? null : given.contact().strip();
        String reference = given.reference() == null || given.reference().isBlank() ? null : given.reference().strip();
        Long signed = null;
        if (given.method() == ConfirmationMethod.SIGNATURE) {
            TicketRepository.FiledRecord record = records.stream().filter(r -> r.customerSignOff() != null)
                    .findFirst().orElseThrow(() -> new TicketConflictException("evidence-required",
                            "Evidence required", "Ticket " + ticket.number() + " has no repair record signed by the "
                                    + "customer" + (ticket.lastReopenedAt() == null ? "" : " since it was reopened")
                                    + "; confirm by CALL, EMAIL or SURVEY instead."));
            signed = record.id();
            contact = contact == null ? record.customerSignOff() : contact;
        } else if (contact == null) {
            throw new InvalidRequestException("confirmation.contact is required for " + given.method()
                    + ": the customer's contact as told.");
        }
        return ticket.confirm(given.method(), contact, reference, signed, caller.username(), now);
    }

    /**
     * Assigns a field engineer and an appointment window, replacing the current assignment; every
     * assignment is kept. The window may not start in the past; one that ends after the case's on-site deadline
     * (seed 004 §3.2.2) needs a reason acknowledging it will be late.
     *
     * @param number     the ticket's number; never null
     * @param engineer   username of an account with the FIELD_ENGINEER role; never null
     * @param from       start of the appointment window, not before now; never null
     * @param to         end of the appointment window, after {@code from}; never null
     * @param lateReason required exactly when {@code to} is after the on-site deadline; may be null otherwise
     * @param caller     who assigns; never null
     * @throws TicketNotFoundException  when there is no such ticket
     * @throws InvalidRequestException  when the engineer is no field engineer, the window is empty, starts in the
     *                                  past, or ends after the on-site deadline without a late reason (400)
     * @throws TicketConflictException  when the ticket is past scheduling (on site, resolved) or closed (409)
     */
    @Transactional
    public void assign(String number, String engineer, Instant from, Instant to, String lateReason, Caller caller) {
        if (!to.isAfter(from)) {
            throw new InvalidRequestException("The appointment window must end after it starts.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (from.isBefore(now.minus(PAST_TOLERANCE))) {
            throw new InvalidRequestException("The appointment window starts at " + from + ", in the past; the customer "
                    + "is told a time still to come (seed 000 §4.2).");
        }
        boolean fieldEngineer = accounts.findByUsername(engineer)
                .map(Account::roles)
                .filter(roles -> roles.contains(Role.FIELD_ENGINEER))
                .isPresent();
        if (!fieldEngineer) {
            throw new InvalidRequestException("There is no field engineer with the username '" + engineer + "'.");
        }
        Ticket ticket = tickets.findByNumberForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        if (!ASSIGNABLE.contains(ticket.status())) {
            throw new TicketConflictException("assignment-not-possible", "Assignment not possible",
                    "Ticket " + number + " is " + ticket.status() + "; engineers are assigned while it is one of "
                            + ASSIGNABLE + ".");
        }
        String late = lateReason == null || lateReason.isBlank() ? null : lateReason.strip();
        Instant deadline = ticket.due().onSiteBy();
        boolean afterDeadline = to.isAfter(deadline);
        if (afterDeadline && late == null) {
            throw new InvalidRequestException("The appointment window ends at " + to + ", after the on-site deadline "
                    + deadline + " of ticket " + number + "; give a lateReason to acknowledge it will be late, or "
                    + "choose an earlier window.");
        }
        if (!afterDeadline && late != null) {
            throw new InvalidRequestException("lateReason is given only for a window ending after the on-site deadline "
                    + deadline + ".");
        }
        entityManager.persist(ticket.assign(engineer, from, to, caller.username(), now, late));
        grants.impliedByAssignment(number, engineer, caller);
        LOG.infof("Ticket %s assigned to %s for %s..%s by %s%s", number, engineer, from, to, caller.username(),
                late == null ? "" : " (late: on-site deadline " + deadline + ")");
    }
}
