package io.fleetcare.api.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An access grant as the API shows it. The field names are part of the API.
 *
 * @param customerId   null while a request made through a device or case is not approved, for anybody but an
 *                     administrator: which customer owns a unit is class 1
 * @param kind         REQUEST, or ASSIGNMENT for a grant implied by the assignment of a case
 * @param deviceId     the device it was asked through, or the case's device of an implied grant; may be null
 * @param ticketNumber the case it was asked through or whose assignment implied it; may be null
 * @param status       REQUESTED, APPROVED (in force), REFUSED, EXPIRED, REVOKED or ENDED
 * @param decidedBy    null until decided
 * @param decidedAt    null until decided
 * @param expiresAt    null unless approved
 * @param ended        null unless REVOKED or ENDED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantView(long grantId, Long customerId, GrantKind kind, String deviceId, String ticketNumber,
        String requestedBy, String reason, Instant requestedAt, int durationMinutes, GrantStatus status,
        String decidedBy, Instant decidedAt, Instant expiresAt, Ending ended) {

    /**
     * @param at     may be null when the case does not say when it changed
     * @param by     null when the end follows from the case (closed, cancelled, assigned elsewhere)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ending(Instant at, String by, String reason) {
    }

    static GrantView of(AccessGrant g, GrantStatus status, boolean ownerShown, Ending ended) {
        return new GrantView(g.id(), ownerShown ? g.customerId() : null, g.kind(), g.deviceId(), g.ticketNumber(),
                g.requestedBy(), g.reason(), g.requestedAt(), g.durationMinutes(), status, g.decidedBy(),
                g.decidedAt(), g.expiresAt(), ended);
    }
}
