package io.fleetcare.api.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/**
 * What an administrator asks for when issuing an API token.
 *
 * @param name      says which machine client holds it, e.g. {@code crm-sync}; 3-64 of a-z, 0-9, '.', '_', '-'
 * @param roles     the roles the client acts with; never TOP_MANAGER
 * @param expiresAt when it stops working: in the future, at most {@link ApiTokens#LONGEST_VALIDITY} ahead
 */
public record ApiTokenRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}") String name,
        @NotEmpty @Size(max = 4) Set<@NotBlank String> roles,
        @NotNull Instant expiresAt) {
}
