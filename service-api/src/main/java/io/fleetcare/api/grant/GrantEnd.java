package io.fleetcare.api.grant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The early end of an access grant (V65): written once, never changed; the grant row stays as decided. */
@Entity
@Table(name = "access_grant_end")
class GrantEnd {

    @Id
    @Column(name = "grant_id")
    private Long grantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private GrantStatus kind;

    @Column(name = "ended_at", nullable = false, updatable = false)
    private Instant endedAt;

    @Column(name = "ended_by", nullable = false, updatable = false)
    private String endedBy;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    protected GrantEnd() {
    }

    /** @param kind REVOKED or ENDED */
    GrantEnd(long grantId, GrantStatus kind, Instant endedAt, String endedBy, String reason) {
        this.grantId = grantId;
        this.kind = kind;
        this.endedAt = endedAt;
        this.endedBy = endedBy;
        this.reason = reason;
    }

    GrantStatus kind() {
        return kind;
    }

    Instant endedAt() {
        return endedAt;
    }

    String endedBy() {
        return endedBy;
    }

    String reason() {
        return reason;
    }
}
