package io.fleetcare.api.repair;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** No repair record has the id asked for; answered with 404. */
public class RepairRecordNotFoundException extends ProblemException {

    public RepairRecordNotFoundException(String recordId) {
        super(404, Problem.type("repair-record-not-found"), "Repair record not found",
                "There is no repair record " + recordId + ".");
    }
}
