package io.fleetcare.api.ticket;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** The lifecycle does not allow this status change; answered with 409 and nothing changes. */
public class IllegalTransitionException extends ProblemException {

    public IllegalTransitionException(String number, TicketStatus from, TicketStatus to, TicketStatus escalatedFrom) {
        super(409, Problem.type("illegal-transition"), "Illegal transition",
                "Ticket " + number + " is " + from
                        + (from == TicketStatus.ESCALATED && escalatedFrom != null ? " (escalated from " + escalatedFrom + ")" : "")
                        + " and cannot move to " + to + "; it may move to "
                        + TicketLifecycle.next(from, escalatedFrom) + ".");
    }
}
