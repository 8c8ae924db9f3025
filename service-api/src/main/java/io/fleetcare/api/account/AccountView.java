package io.fleetcare.api.account;

import java.time.Instant;
import java.util.Set;

/** An account as administrators see it: never the password hash. */
public record AccountView(String username, Set<Role> roles, Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.username(), account.roles(), account.createdAt());
    }
}
