package io.fleetcare.api.account;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** An account with this username exists already; answered with 409. */
public class AccountAlreadyExistsException extends ProblemException {

    public AccountAlreadyExistsException(String username) {
        super(409, Problem.type("account-exists"), "Account exists", "There is already an account " + username + ".");
    }
}
