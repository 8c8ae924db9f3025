package io.fleetcare.stream.rules;

import java.util.List;

/** Thrown when a rules file cannot be read or does not describe valid rules. */
public class InvalidRulesException extends RuntimeException {

    private final List<String> problems;

    InvalidRulesException(String source, List<String> problems, Throwable cause) {
        super("invalid rules in " + source + ":\n  - " + String.join("\n  - ", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one line each; never empty. */
    public List<String> problems() {
        return problems;
    }
}
