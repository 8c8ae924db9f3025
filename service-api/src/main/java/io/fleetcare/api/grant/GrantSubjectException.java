package io.fleetcare.api.grant;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** What a grant request names cannot be asked for: unknown device or case (404), or a unit of no customer (409). */
public class GrantSubjectException extends ProblemException {

    private GrantSubjectException(int status, String type, String title, String detail) {
        super(status, Problem.type(type), title, detail);
    }

    static GrantSubjectException unknown(String what) {
        return new GrantSubjectException(404, "grant-subject-not-found", "Not found", "There is no " + what + ".");
    }

    static GrantSubjectException noOwner(String what) {
        return new GrantSubjectException(409, "no-owner", "No owner in the archive",
                what + " belongs to no customer in the archive; there is no class-1 data to ask for.");
    }

    static GrantSubjectException oneSubject() {
        return new GrantSubjectException(400, "invalid-request", "Invalid request",
                "Name exactly one of customerId, deviceId and ticketNumber.");
    }
}
