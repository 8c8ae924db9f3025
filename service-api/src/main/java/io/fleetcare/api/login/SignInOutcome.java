package io.fleetcare.api.login;

import io.quarkus.security.identity.SecurityIdentity;
import java.time.Duration;

/**
 * What a sign-in came to.
 *
 * @param identity the signed-in identity; null when refused
 * @param retryAfter how long the next attempt of the same username from the same address has to wait; null when it
 *                 need not, always null when admitted
 */
record SignInOutcome(SecurityIdentity identity, Duration retryAfter) {

    static SignInOutcome refused(Duration retryAfter) {
        return new SignInOutcome(null, retryAfter);
    }

    boolean admitted() {
        return identity != null;
    }
}
