package io.fleetcare.api.repair;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/**
 * A repair record that may not be filed: by someone other than the ticket's engineer (403) or on a ticket that
 * is not yet on site or already closed (409). Nothing is written.
 */
public class RecordFilingRefusedException extends ProblemException {

    RecordFilingRefusedException(int status, String slug, String title, String detail) {
        super(status, Problem.type(slug), title, detail);
    }
}
