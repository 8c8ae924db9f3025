package io.fleetcare.api.ticket;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** No ticket has the number asked for; answered with 404. */
public class TicketNotFoundException extends ProblemException {

    public TicketNotFoundException(String number) {
        super(404, Problem.type("ticket-not-found"), "Ticket not found", "There is no ticket " + number + ".");
    }
}
