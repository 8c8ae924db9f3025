package io.fleetcare.api.alert;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** No alert has the id asked for; answered with 404. */
public class AlertNotFoundException extends ProblemException {

    public AlertNotFoundException(String alertId) {
        super(404, Problem.type("alert-not-found"), "Alert not found", "There is no alert " + alertId + ".");
    }
}
