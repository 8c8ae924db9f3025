package io.fleetcare.api.device.credential;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/**
 * A credential could not be issued because it could not be handed to the gateways (Kafka did not take it) or this
 * service has no keys configured; nothing changed; answered with 503.
 */
public class CredentialNotDistributedException extends ProblemException {

    public CredentialNotDistributedException(String detail) {
        super(503, Problem.type("credential-not-distributed"), "Credential not issued", detail);
    }
}
