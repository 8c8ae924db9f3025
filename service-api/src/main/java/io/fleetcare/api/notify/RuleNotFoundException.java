package io.fleetcare.api.notify;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** No active notification rule of this id; 404. */
public class RuleNotFoundException extends ProblemException {

    public RuleNotFoundException(String ruleId) {
        super(404, Problem.type("notification-rule-not-found"), "Notification rule not found",
                "There is no active notification rule " + ruleId + ".");
    }
}
