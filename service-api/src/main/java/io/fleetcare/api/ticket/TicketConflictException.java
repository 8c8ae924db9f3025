package io.fleetcare.api.ticket;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/**
 * The ticket is not in a state that allows the operation (no engineer assigned yet, work already done);
 * answered with 409 and nothing changes.
 */
public class TicketConflictException extends ProblemException {

    public TicketConflictException(String slug, String title, String detail) {
        super(409, Problem.type(slug), title, detail);
    }
}
