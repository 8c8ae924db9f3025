package io.fleetcare.api.account;

import io.fleetcare.api.problem.InvalidRequestException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Role names as requests carry them (any case, surrounding blanks allowed), for accounts and API tokens alike. */
public final class RoleNames {

    private RoleNames() {
    }

    /** @throws InvalidRequestException when a name is no role */
    public static Set<Role> parse(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("Unknown role; expected some of "
                        + Arrays.toString(Role.values()) + ".");
            }
        }
        return roles;
    }
}
