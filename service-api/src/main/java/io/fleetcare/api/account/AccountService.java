package io.fleetcare.api.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/** Creates personal accounts. */
@ApplicationScoped
public class AccountService {

    @Inject
    AccountRepository accounts;

    @Inject
    Clock clock;

    /**
     * Creates an account whose password is stored as a bcrypt hash.
     *
     * @param username unique, not blank
     * @param password the clear-text password; not blank; only its hash is kept
     * @param roles    at least one role
     * @return the new account; never null
     * @throws AccountAlreadyExistsException when the username is taken
     * @throws IllegalArgumentException      when an argument is blank or empty
     */
    @Transactional
    public Account create(String username, String password, Set<Role> roles) {
        requireText(username, "username");
        requireText(password, "password");
        if (Objects.requireNonNull(roles, "roles").isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw new AccountAlreadyExistsException(username);
        }
        Account account = new Account(username, BcryptUtil.bcryptHash(password), roles,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        accounts.persist(account);
        return account;
    }

    /** Whether no account exists yet. */
    @Transactional
    public boolean none() {
        return accounts.count() == 0;
    }

    private static void requireText(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
