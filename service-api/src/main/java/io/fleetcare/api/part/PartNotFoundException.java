package io.fleetcare.api.part;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** The catalog holds no part with the id asked for; answered with 404. */
public class PartNotFoundException extends ProblemException {

    public PartNotFoundException(String partId) {
        super(404, Problem.type("part-not-found"), "Spare part not found",
                "There is no spare part " + partId + " in the catalog.");
    }
}
