package io.fleetcare.api.account;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Creates personal accounts. */
@ApplicationScoped
public class AccountService {

    @Inject
    AccountRepository accounts;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** As {@link #create(String, String, Set, String)} by the service itself (bootstrap, tests): actor {@code system}. */
    @Transactional
    public Account create(String username, String password, Set<Role> roles) {
        return create(username, password, roles, "system");
    }

    /**
     * Creates an account whose password is stored as a bcrypt hash, and audits the write.
     *
     * @param username unique, not blank
     * @param password the clear-text password; not blank; only its hash is kept
     * @param roles    at least one role
     * @param actor    who creates it; never null
     * @return the new account; never null
     * @throws AccountAlreadyExistsException when the username is taken
     * @throws IllegalArgumentException      when an argument is blank or empty
     * @throws InvalidRequestException       when the password is too short or too long ({@link PasswordRule})
     */
    @Transactional
    public Account create(String username, String password, Set<Role> roles, String actor) {
        requireText(username, "username");
        requireText(password, "password");
        PasswordRule.check(password);
        if (Objects.requireNonNull(roles, "roles").isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw new AccountAlreadyExistsException(username);
        }
        Account account = new Account(username, BcryptUtil.bcryptHash(password), roles,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        accounts.persist(account);
        audit.record(AuditAction.WRITE, actor, AuditSubject.ACCOUNT, username, null,
                "account created with roles " + new TreeSet<>(roles));
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
