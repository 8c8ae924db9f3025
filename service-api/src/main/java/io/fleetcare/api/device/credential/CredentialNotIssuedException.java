package io.fleetcare.api.device.credential;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** The device is registered but has never been given a credential; answered with 404. */
public class CredentialNotIssuedException extends ProblemException {

    public CredentialNotIssuedException(String deviceId) {
        super(404, Problem.type("credential-not-issued"), "No credential issued",
                "Device " + deviceId + " has no credential yet; an administrator issues one with POST.");
    }
}
