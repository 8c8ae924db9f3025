package io.fleetcare.api.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An access grant as the API shows it. The field names are part of the API.
 *
 * @param status     REQUESTED, APPROVED, REFUSED, or EXPIRED once an approved grant's time is over
 * @param decidedBy  null until decided
 * @param decidedAt  null until decided
 * @param expiresAt  null unless approved
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantView(long grantId, long customerId, String requestedBy, String reason, Instant requestedAt,
        int durationMinutes, GrantStatus status, String decidedBy, Instant decidedAt, Instant expiresAt) {

    static GrantView of(AccessGrant g, Instant now) {
        return new GrantView(g.id(), g.customerId(), g.requestedBy(), g.reason(), g.requestedAt(), g.durationMinutes(),
                g.statusAt(now), g.decidedBy(), g.decidedAt(), g.expiresAt());
    }
}
