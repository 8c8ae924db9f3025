package io.fleetcare.api.device;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** No device is registered under the id asked for; answered with 404. */
public class DeviceNotFoundException extends ProblemException {

    public DeviceNotFoundException(String deviceId) {
        super(404, Problem.type("device-not-found"), "Device not found",
                "There is no registered device " + deviceId + ".");
    }
}
