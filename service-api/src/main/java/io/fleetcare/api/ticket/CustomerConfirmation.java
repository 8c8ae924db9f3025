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
 * How the customer confirmed a resolved case, the contact and reference the customer gave, who recorded it and
 * when. Append-only (migration V60).
 */
@Entity
@Immutable
@Table(name = "ticket_confirmation")
public class CustomerConfirmation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, updatable = false)
    private ConfirmationMethod method;

    @Column(name = "customer_contact", nullable = false, updatable = false)
    private String contact;

    @Column(name = "reference", updatable = false)
    private String reference;

    @Column(name = "repair_record_id", updatable = false)
    private Long repairRecordId;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "at", nullable = false, updatable = false)
    private Instant at;

    protected CustomerConfirmation() {
    }

    CustomerConfirmation(Ticket ticket, ConfirmationMethod method, String contact, String reference,
            Long repairRecordId, String recordedBy, Instant at) {
        this.ticket = ticket;
        this.method = method;
        this.contact = contact;
        this.reference = reference;
        this.repairRecordId = repairRecordId;
        this.recordedBy = recordedBy;
        this.at = at;
    }

    public ConfirmationMethod method() {
        return method;
    }

    /** The customer's contact as told; for SIGNATURE the signer named on the record. */
    public String contact() {
        return contact;
    }

    /** May be null. */
    public String reference() {
        return reference;
    }

    /** The signed repair record, for SIGNATURE; null otherwise. */
    public Long repairRecordId() {
        return repairRecordId;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant at() {
        return at;
    }
}
