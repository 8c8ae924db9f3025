package io.fleetcare.api.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One assignment of a ticket to a field engineer with an appointment window, kept for good: a re-assignment
 * adds a row (the database refuses UPDATE and DELETE, migration V3); the ticket holds the current one.
 */
@Entity
@Table(name = "ticket_assignment")
public class TicketAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private Ticket ticket;

    @Column(name = "engineer", nullable = false, updatable = false)
    private String engineer;

    @Column(name = "appointment_from", nullable = false, updatable = false)
    private Instant appointmentFrom;

    @Column(name = "appointment_to", nullable = false, updatable = false)
    private Instant appointmentTo;

    @Column(name = "assigned_by", nullable = false, updatable = false)
    private String assignedBy;

    @Column(name = "assigned_at", nullable = false, updatable = false)
    private Instant assignedAt;

    @Column(name = "late_reason", updatable = false)
    private String lateReason;

    protected TicketAssignment() {
    }

    TicketAssignment(Ticket ticket, String engineer, Instant appointmentFrom, Instant appointmentTo,
            String assignedBy, Instant assignedAt, String lateReason) {
        this.lateReason = lateReason;
        this.ticket = ticket;
        this.engineer = engineer;
        this.appointmentFrom = appointmentFrom;
        this.appointmentTo = appointmentTo;
        this.assignedBy = assignedBy;
        this.assignedAt = assignedAt;
    }

    public String engineer() {
        return engineer;
    }

    public Instant appointmentFrom() {
        return appointmentFrom;
    }

    public Instant appointmentTo() {
        return appointmentTo;
    }

    public String assignedBy() {
        return assignedBy;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    /** Why the window ends after the on-site deadline; null when it does not. */
    public String lateReason() {
        return lateReason;
    }
}
