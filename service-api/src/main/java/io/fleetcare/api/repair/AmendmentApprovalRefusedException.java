package io.fleetcare.api.repair;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/**
 * An amendment cannot be approved: the caller wrote it (403 {@code own-amendment}, seed 000 §3.7.4 names the author
 * and the approver as two people) or it is approved already (409 {@code amendment-approved}). Nothing is written.
 */
public class AmendmentApprovalRefusedException extends ProblemException {

    private AmendmentApprovalRefusedException(int status, String slug, String title, String detail) {
        super(status, Problem.type(slug), title, detail);
    }

    static AmendmentApprovalRefusedException ownAmendment(long amendmentId) {
        return new AmendmentApprovalRefusedException(403, "own-amendment", "Own amendment",
                "Amendment " + amendmentId + " was written by this account; another person approves it.");
    }

    static AmendmentApprovalRefusedException approvedBefore(long amendmentId, String approver) {
        return new AmendmentApprovalRefusedException(409, "amendment-approved", "Amendment approved",
                "Amendment " + amendmentId + " was approved by " + approver + " already.");
    }
}
