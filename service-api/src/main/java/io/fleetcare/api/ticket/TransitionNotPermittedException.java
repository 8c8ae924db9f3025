package io.fleetcare.api.ticket;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** The caller's roles do not allow this status change (or not on this ticket); answered with 403. */
public class TransitionNotPermittedException extends ProblemException {

    public TransitionNotPermittedException(String detail) {
        super(403, Problem.type("transition-not-permitted"), "Transition not permitted", detail);
    }
}
