package io.fleetcare.api.account;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.EnumSet;
import java.util.Set;

/** Turns the framework's security identity of a request into the domain's {@link Caller}. */
public final class SignedInCaller {

    private SignedInCaller() {
    }

    /**
     * @param identity the request's authenticated identity; never null, not anonymous
     * @return the caller with every {@link Role} the identity holds; never null
     */
    public static Caller from(SecurityIdentity identity) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (identity.hasRole(role.name())) {
                roles.add(role);
            }
        }
        return new Caller(identity.getPrincipal().getName(), roles);
    }
}
