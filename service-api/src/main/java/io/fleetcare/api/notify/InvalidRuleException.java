package io.fleetcare.api.notify;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;
import java.util.List;

/** A notification rule that cannot be stored; 400 with every problem found in the detail. */
public class InvalidRuleException extends ProblemException {

    private final List<String> problems;

    public InvalidRuleException(List<String> problems) {
        super(400, Problem.type("invalid-notification-rule"), "Invalid notification rule",
                "The notification rule has " + problems.size() + " problem(s): " + String.join("; ", problems) + ".");
        this.problems = List.copyOf(problems);
    }

    /** Each problem, for a person; never empty. */
    public List<String> problems() {
        return problems;
    }
}
