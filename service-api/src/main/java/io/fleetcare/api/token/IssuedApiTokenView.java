package io.fleetcare.api.token;

/**
 * The answer to issuing an API token: the only time its secret is shown.
 *
 * @param token  the secret to send as {@code Authorization: Bearer <token>}
 * @param stored what the list shows of it from now on
 */
public record IssuedApiTokenView(String token, ApiTokenView stored) {
}
