package io.fleetcare.api.device;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** The registry already holds what the request would add (a device id, a serial, a component); 409. */
public class DeviceConflictException extends ProblemException {

    public DeviceConflictException(String slug, String title, String detail) {
        super(409, Problem.type(slug), title, detail);
    }
}
