package io.fleetcare.api.part;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/**
 * The stock or catalog does not allow the operation (not enough parts, a part already in the catalog); answered
 * with 409 and nothing changes.
 */
public class StockConflictException extends ProblemException {

    public StockConflictException(String slug, String title, String detail) {
        super(409, Problem.type(slug), title, detail);
    }
}
