package io.fleetcare.api.account;

import java.util.Objects;
import java.util.Set;

/**
 * The signed-in account on whose behalf an operation runs, as the domain sees it.
 *
 * @param username the account's username; never null
 * @param roles    the account's roles; never null, may be empty
 */
public record Caller(String username, Set<Role> roles) {

    public Caller {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
