package io.fleetcare.api.ticket.exclusion;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** The caller may not record an exclusion on this case (an engineer not assigned to it); answered with 403. */
public class ExclusionNotPermittedException extends ProblemException {

    public ExclusionNotPermittedException(String detail) {
        super(403, Problem.type("warranty-exclusion-not-permitted"), "Warranty exclusion not permitted", detail);
    }
}
