package io.fleetcare.api.token;

/** Where an API token stands now. */
public enum TokenStatus {
    /** Issued, not expired, not revoked: it signs a machine client in. */
    ACTIVE,
    /** Past its expiry; refused. */
    EXPIRED,
    /** Revoked by an administrator; refused from the revocation on. */
    REVOKED
}
