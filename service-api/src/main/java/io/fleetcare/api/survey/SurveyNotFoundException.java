package io.fleetcare.api.survey;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** The ticket has no survey (yet); answered with 404. */
public class SurveyNotFoundException extends ProblemException {

    public SurveyNotFoundException(String number) {
        super(404, Problem.type("survey-not-found"), "Survey not found", "Ticket " + number + " has no survey.");
    }
}
