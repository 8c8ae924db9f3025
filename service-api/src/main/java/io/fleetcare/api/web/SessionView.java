package io.fleetcare.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetcare.api.account.Role;
import java.util.Set;

/**
 * Who is signed in, as the web UI asks before it shows a page.
 *
 * @param authenticated false for an anonymous caller (then {@code username} is left out and {@code roles} is empty)
 * @param username      the personal account; null when anonymous
 * @param roles         the account's roles; never null
 * @param csrfToken     the token the UI sends in {@link CsrfProtection#HEADER} on every state-changing call; null
 *                      when anonymous
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(boolean authenticated, String username, Set<Role> roles, String csrfToken) {

    static SessionView anonymous() {
        return new SessionView(false, null, Set.of(), null);
    }
}
