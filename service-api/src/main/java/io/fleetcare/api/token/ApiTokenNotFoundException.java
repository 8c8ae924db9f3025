package io.fleetcare.api.token;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** No API token has the id asked for; answered with 404. */
public class ApiTokenNotFoundException extends ProblemException {

    public ApiTokenNotFoundException(String tokenId) {
        super(404, Problem.type("api-token-not-found"), "API token not found", "There is no API token " + tokenId + ".");
    }
}
