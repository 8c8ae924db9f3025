package io.fleetcare.api.grant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Permission for one account to read the class-1 fields of one customer for a limited time (seed 000 §3.6.1):
 * requested with a reason, decided once by an approver who is not the requester, valid from the approval until
 * {@link #expiresAt()}. The database refuses a second decision and any deletion (V20).
 */
@Entity
@Table(name = "access_grant")
public class AccessGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private GrantKind kind;

    @Column(name = "device_id", updatable = false)
    private String deviceId;

    @Column(name = "ticket_number", updatable = false)
    private String ticketNumber;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "duration_minutes", nullable = false, updatable = false)
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private GrantStatus status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected AccessGrant() {
    }

    AccessGrant(long customerId, String deviceId, String ticketNumber, String requestedBy, String reason,
            Instant requestedAt, int durationMinutes) {
        this.customerId = customerId;
        this.kind = GrantKind.REQUEST;
        this.deviceId = deviceId;
        this.ticketNumber = ticketNumber;
        this.requestedBy = requestedBy;
        this.reason = reason;
        this.requestedAt = requestedAt;
        this.durationMinutes = durationMinutes;
        this.status = GrantStatus.REQUESTED;
    }

    /** The grant the assignment of {@code engineer} to the case implies, decided by whoever assigned. */
    static AccessGrant impliedByAssignment(long customerId, String deviceId, String ticketNumber, String engineer,
            String assignedBy, Instant at) {
        AccessGrant grant = new AccessGrant(customerId, deviceId, ticketNumber, engineer,
                "assigned to case " + ticketNumber, at, ASSIGNMENT_MINUTES);
        grant.kind = GrantKind.ASSIGNMENT;
        grant.approve(assignedBy, at);
        return grant;
    }

    /** The upper bound of an implied grant (90 days); it ends earlier with its case. */
    static final int ASSIGNMENT_MINUTES = 90 * 24 * 60;

    void approve(String approver, Instant at) {
        status = GrantStatus.APPROVED;
        decidedBy = approver;
        decidedAt = at;
        expiresAt = at.plus(Duration.ofMinutes(durationMinutes));
    }

    void refuse(String approver, Instant at) {
        status = GrantStatus.REFUSED;
        decidedBy = approver;
        decidedAt = at;
    }

    public Long id() {
        return id;
    }

    public long customerId() {
        return customerId;
    }

    public GrantKind kind() {
        return kind;
    }

    /** The device the request was made through, or the case's device of an implied grant; may be null. */
    public String deviceId() {
        return deviceId;
    }

    /** The case the request was made through, or whose assignment implied the grant; may be null. */
    public String ticketNumber() {
        return ticketNumber;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String reason() {
        return reason;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public int durationMinutes() {
        return durationMinutes;
    }

    /** The status at {@code now}: an approved grant past its expiry is {@link GrantStatus#EXPIRED}. */
    public GrantStatus statusAt(Instant now) {
        return status == GrantStatus.APPROVED && !now.isBefore(expiresAt) ? GrantStatus.EXPIRED : status;
    }

    GrantStatus storedStatus() {
        return status;
    }

    /** Null until decided. */
    public String decidedBy() {
        return decidedBy;
    }

    /** Null until decided. */
    public Instant decidedAt() {
        return decidedAt;
    }

    /** Null unless approved. */
    public Instant expiresAt() {
        return expiresAt;
    }
}
