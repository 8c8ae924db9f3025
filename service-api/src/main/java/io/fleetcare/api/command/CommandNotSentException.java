package io.fleetcare.api.command;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** Kafka did not take the command; it is stored as FAILED and answered with 503. */
public class CommandNotSentException extends ProblemException {

    public CommandNotSentException(String commandId) {
        super(503, Problem.type("command-not-sent"), "Command not sent",
                "Command " + commandId + " could not be handed to the gateway; it is recorded as FAILED. Try again.");
    }
}
