package io.fleetcare.api.command;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** A command the device's protocol cannot execute; answered 409 naming the ones it can. */
public class CommandNotSupportedException extends ProblemException {

    public CommandNotSupportedException(CommandOptions options, DiagnosticCommand command) {
        super(409, Problem.type("command-not-supported"), "Command not supported by the device",
                "Device " + options.deviceId() + " (" + options.protocol() + ") cannot execute " + command
                        + (options.commands().isEmpty() ? "; it takes no commands."
                        : "; it takes " + options.commands() + "."));
    }
}
