package io.fleetcare.api.problem;

/** A request parameter that the API cannot use; answered with 400 and the reason in the detail. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String detail) {
        super(400, Problem.type("invalid-request"), "Invalid request", detail);
    }
}
