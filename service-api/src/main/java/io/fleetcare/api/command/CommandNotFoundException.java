package io.fleetcare.api.command;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** The device has no command with the id asked for; answered with 404. */
public class CommandNotFoundException extends ProblemException {

    public CommandNotFoundException(String deviceId, String commandId) {
        super(404, Problem.type("command-not-found"), "Command not found",
                "Device " + deviceId + " has no command " + commandId + ".");
    }
}
