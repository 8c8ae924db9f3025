package io.fleetcare.api.grant;

/**
 * Where an access grant stands. Only REQUESTED, APPROVED and REFUSED are stored on the grant: an APPROVED grant
 * whose time is over reads as EXPIRED, one with an end written ({@code access_grant_end}) as REVOKED (by an
 * administrator) or ENDED (a grant implied by an assignment whose case was reassigned), and an implied grant whose
 * case is closed or cancelled as ENDED.
 */
public enum GrantStatus {
    REQUESTED,
    APPROVED,
    REFUSED,
    EXPIRED,
    REVOKED,
    ENDED
}
