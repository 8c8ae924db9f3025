package io.fleetcare.api.grant;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** A grant that cannot be revoked because it is not in force (409). */
public class GrantEndException extends ProblemException {

    private GrantEndException(String type, String title, String detail) {
        super(409, Problem.type(type), title, detail);
    }

    static GrantEndException notInForce(long grantId, GrantStatus status) {
        return new GrantEndException("grant-not-in-force", "Access grant not in force",
                "Access grant " + grantId + " is " + status + "; only an APPROVED grant in force can be revoked.");
    }
}
