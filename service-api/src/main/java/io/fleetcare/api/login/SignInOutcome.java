package io.fleetcare.api.login;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * What a sign-in came to.
 *
 * @param identity the signed-in identity; null when refused
 */
record SignInOutcome(SecurityIdentity identity) {

    static final SignInOutcome REFUSED = new SignInOutcome(null);

    boolean admitted() {
        return identity != null;
    }
}
