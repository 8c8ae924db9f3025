package io.fleetcare.api.alert;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** An alert is acknowledged once; a second acknowledgement is answered with 409 and changes nothing. */
public class AlertAlreadyAcknowledgedException extends ProblemException {

    public AlertAlreadyAcknowledgedException(String alertId, String by) {
        super(409, Problem.type("alert-already-acknowledged"), "Alert already acknowledged",
                "Alert " + alertId + " was acknowledged by " + by + "; add a comment instead.");
    }
}
