package io.fleetcare.api.survey;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** The case has its survey already; answered with 409 and the first survey stays as it was. */
public class SurveyAlreadyRecordedException extends ProblemException {

    public SurveyAlreadyRecordedException(String number) {
        super(409, Problem.type("survey-already-recorded"), "Survey already recorded",
                "Ticket " + number + " has its survey already; a survey is taken once per case.");
    }
}
