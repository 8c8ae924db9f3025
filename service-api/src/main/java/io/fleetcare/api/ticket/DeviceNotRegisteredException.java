package io.fleetcare.api.ticket;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/**
 * A person registered a case for a device the registry does not hold, without saying the product is unregistered;
 * answered 400 {@code device-not-registered} and nothing is stored (no case number used).
 */
public class DeviceNotRegisteredException extends ProblemException {

    public DeviceNotRegisteredException(String deviceId) {
        super(400, Problem.type("device-not-registered"), "Device not registered",
                "Device " + deviceId + " is not in the registry. Register the device first, or register the case for "
                        + "an unregistered product: \"unregisteredProduct\": true with deviceType, model and serial as "
                        + "the customer told them.");
    }
}
