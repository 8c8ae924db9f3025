package io.fleetcare.api.customer;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** No customer has the id asked for; answered with 404. */
public class CustomerNotFoundException extends ProblemException {

    public CustomerNotFoundException(String customerId) {
        super(404, Problem.type("customer-not-found"), "Customer not found",
                "There is no customer " + customerId + " in the archive.");
    }
}
