package io.fleetcare.api.grant;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** No access grant has the id asked for, or the caller may not see it; answered with 404. */
public class GrantNotFoundException extends ProblemException {

    public GrantNotFoundException(String grantId) {
        super(404, Problem.type("grant-not-found"), "Access grant not found", "There is no access grant " + grantId + ".");
    }
}
