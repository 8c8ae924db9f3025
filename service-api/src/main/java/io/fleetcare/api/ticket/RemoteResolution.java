package io.fleetcare.api.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * The evidence of a case resolved without a repair record: what was done, how, by whom (the signed-in account)
 * and when. Append-only (migration V60).
 */
@Entity
@Immutable
@Table(name = "ticket_remote_resolution")
public class RemoteResolution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, updatable = false)
    private ResolutionMethod method;

    @Column(name = "work_done", nullable = false, updatable = false)
    private String workDone;

    @Column(name = "resolved_by", nullable = false, updatable = false)
    private String resolvedBy;

    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    protected RemoteResolution() {
    }

    RemoteResolution(Ticket ticket, ResolutionMethod method, String workDone, String resolvedBy, Instant at) {
        this.ticket = ticket;
        this.method = method;
        this.workDone = workDone;
        this.resolvedBy = resolvedBy;
        this.at = at;
    }

    public ResolutionMethod method() {
        return method;
    }

    public String workDone() {
        return workDone;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Instant at() {
        return at;
    }
}
