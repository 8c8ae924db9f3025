package io.fleetcare.api.grant;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/**
 * A grant that cannot be decided: decided before (409), the approver is the requester (403), or the approver is no
 * top manager (403).
 */
public class GrantDecisionException extends ProblemException {

    private GrantDecisionException(int status, String type, String title, String detail) {
        super(status, Problem.type(type), title, detail);
    }

    static GrantDecisionException decidedBefore(long grantId) {
        return new GrantDecisionException(409, "grant-already-decided", "Access grant already decided",
                "Access grant " + grantId + " was decided before; a decision is never changed.");
    }

    static GrantDecisionException ownRequest(long grantId) {
        return new GrantDecisionException(403, "own-grant-request", "Own request",
                "Access grant " + grantId + " was requested by the caller; somebody else decides it.");
    }

    static GrantDecisionException notTopManager(long grantId) {
        return new GrantDecisionException(403, "top-manager-decides", "Only the top manager decides",
                "Access grant " + grantId + " is decided by the top manager (seed 000 §3.6.1); the caller is none.");
    }
}
