package io.fleetcare.api.survey;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** The case is not confirmed by the customer yet (or was cancelled); answered with 409 and nothing is stored. */
public class SurveyNotPossibleException extends ProblemException {

    public SurveyNotPossibleException(String detail) {
        super(409, Problem.type("survey-not-possible"), "Survey not possible", detail);
    }
}
