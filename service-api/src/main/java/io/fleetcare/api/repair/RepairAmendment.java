package io.fleetcare.api.repair;

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
 * A correction of one field of a repair record, naming why, who wrote it and who approved it
 * (seed 000 §3.7.4). Never changed once written.
 */
@Entity
@Immutable
@Table(name = "repair_amendment")
public class RepairAmendment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "record_id", nullable = false)
    private RepairRecord record;

    @Enumerated(EnumType.STRING)
    @Column(name = "field", nullable = false)
    private AmendedField field;

    @Column(name = "corrected_value", nullable = false)
    private String correctedValue;

    @Column(name = "reason", nullable = false)
    private String reason;

    @Column(name = "author", nullable = false)
    private String author;

    @Column(name = "approved_by", nullable = false)
    private String approvedBy;

    @Column(name = "at", nullable = false)
    private Instant at;

    protected RepairAmendment() {
    }

    RepairAmendment(RepairRecord record, AmendedField field, String correctedValue, String reason, String author,
            String approvedBy, Instant at) {
        this.record = record;
        this.field = field;
        this.correctedValue = correctedValue;
        this.reason = reason;
        this.author = author;
        this.approvedBy = approvedBy;
        this.at = at;
    }

    public Long id() {
        return id;
    }

    public AmendedField field() {
        return field;
    }

    public String correctedValue() {
        return correctedValue;
    }

    public String reason() {
        return reason;
    }

    public String author() {
        return author;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant at() {
        return at;
    }
}
