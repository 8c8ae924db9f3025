package io.fleetcare.api;

/** Credentials the integration tests sign in with; the admin is the bootstrap administrator of the %test profile. */
public final class TestAccounts {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-secret-1";

    private TestAccounts() {
    }
}
