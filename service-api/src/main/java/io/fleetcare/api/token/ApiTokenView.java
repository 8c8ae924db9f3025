package io.fleetcare.api.token;

import io.fleetcare.api.account.Role;
import java.time.Instant;
import java.util.Set;

/**
 * An API token as the list shows it: never its secret.
 *
 * @param hint       the first characters of the secret
 * @param lastUsedAt the last call signed in with it, to the minute (null when never used)
 * @param revokedAt  null unless revoked; then also {@code revokedBy}
 */
public record ApiTokenView(long tokenId, String name, String hint, Set<Role> roles, TokenStatus status,
        String issuedBy, Instant issuedAt, Instant expiresAt, Instant lastUsedAt, String revokedBy,
        Instant revokedAt) {
}
