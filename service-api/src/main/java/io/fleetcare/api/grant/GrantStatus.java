package io.fleetcare.api.grant;

/** Where an access grant stands. EXPIRED is not stored: an APPROVED grant whose time is over reads as EXPIRED. */
public enum GrantStatus {
    REQUESTED,
    APPROVED,
    REFUSED,
    EXPIRED
}
