package io.fleetcare.api.ticket;

import io.fleetcare.api.account.Account;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.grant.AccessGrants;
import io.fleetcare.api.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
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

    /**
     * Moves a ticket to another status, as decided by {@link TicketLifecycle}, and records who, when and why.
     *
     * @param number the ticket's number; never null
     * @param to     the status to move to; never null
     * @param reason why; required for ESCALATED and CANCELLED, may be null otherwise
     * @param caller who asks; never null
     * @throws TicketNotFoundException          when there is no such ticket
     * @throws IllegalTransitionException       when the lifecycle does not allow the move (409)
     * @throws TransitionNotPermittedException  when the caller's roles do not allow it, or a field engineer
     *                                          moves a ticket assigned to somebody else (403)
     * @throws InvalidRequestException          when a required reason is missing (400)
     * @throws TicketConflictException          when the move needs an assigned engineer and there is none (409)
     */
    @Transactional
    public void transition(String number, TicketStatus to, String reason, Caller caller) {
        Objects.requireNonNull(to, "to");
        Ticket ticket = tickets.findByNumberForUpdate(number).orElseThrow(() -> new TicketNotFoundException(number));
        TicketStatus from = ticket.status();
        if (!TicketLifecycle.allows(from, to)) {
            throw new IllegalTransitionException(number, from, to);
        }
        if (!TicketLifecycle.permits(caller.roles(), from, to)) {
            throw new TransitionNotPermittedException(
                    "The roles of this account do not allow moving a ticket from " + from + " to " + to + ".");
        }
        if (TicketLifecycle.onlyAsAssignedEngineer(caller.roles(), from, to)
                && !caller.username().equals(ticket.assignedEngineer())) {
            throw new TransitionNotPermittedException(
                    "Ticket " + number + " is not assigned to this account; only its assigned engineer may move it.");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (TicketLifecycle.reasonRequired(to) && why == null) {
            throw new InvalidRequestException("A move to " + to + " needs a reason.");
        }
        if (TicketLifecycle.assignmentRequired(to) && ticket.assignedEngineer() == null) {
            throw new TicketConflictException("assignment-required", "Assignment required",
                    "Ticket " + number + " has no assigned engineer; assign one before moving it to " + to + ".");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        entityManager.persist(ticket.moveTo(to, now, caller.username(), why));
        LOG.infof("Ticket %s moved %s -> %s by %s", number, from, to, caller.username());
    }

    /**
     * Assigns a field engineer and an appointment window, replacing the current assignment; every
     * assignment is kept.
     *
     * @param number   the ticket's number; never null
     * @param engineer username of an account with the FIELD_ENGINEER role; never null
     * @param from     start of the appointment window; never null
     * @param to       end of the appointment window, after {@code from}; never null
     * @param caller   who assigns; never null
     * @throws TicketNotFoundException  when there is no such ticket
     * @throws InvalidRequestException  when the engineer is no field engineer or the window is empty (400)
     * @throws TicketConflictException  when the ticket is past scheduling (on site, resolved) or closed (409)
     */
    @Transactional
    public void assign(String number, String engineer, Instant from, Instant to, Caller caller) {
        if (!to.isAfter(from)) {
            throw new InvalidRequestException("The appointment window must end after it starts.");
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        entityManager.persist(ticket.assign(engineer, from, to, caller.username(), now));
        grants.impliedByAssignment(number, engineer, caller);
        LOG.infof("Ticket %s assigned to %s for %s..%s by %s", number, engineer, from, to, caller.username());
    }
}
