package io.fleetcare.api;

import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import java.util.EnumSet;

/** Credentials the integration tests sign in with; the admin is the bootstrap administrator of the %test profile. */
public final class TestAccounts {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-secret-1";

    private TestAccounts() {
    }

    /** The password {@link #ensure} gives an account. */
    public static String passwordOf(String username) {
        return "pw-" + username + "-123456";
    }

    /** Creates the account with one role unless it exists; returns its username. */
    public static String ensure(AccountService service, AccountRepository accounts, String username, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            service.create(username, passwordOf(username), EnumSet.of(role));
        }
        return username;
    }
}
