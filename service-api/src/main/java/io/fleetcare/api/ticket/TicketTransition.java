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

/**
 * One change of a ticket's status: who moved it, when, from where to where and why. Append-only: no column
 * is updatable and the database refuses UPDATE and DELETE (migration V3).
 */
@Entity
@Table(name = "ticket_transition")
public class TicketTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, updatable = false)
    private TicketStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private TicketStatus to;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    protected TicketTransition() {
    }

    TicketTransition(Ticket ticket, TicketStatus from, TicketStatus to, String reason, String actor, Instant at) {
        this.ticket = ticket;
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.actor = actor;
        this.at = at;
    }

    public TicketStatus from() {
        return from;
    }

    public TicketStatus to() {
        return to;
    }

    /** Why; null when the move needs no reason. */
    public String reason() {
        return reason;
    }

    /** Username of the account that made the move. */
    public String actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }
}
