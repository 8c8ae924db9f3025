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
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A correction of one field of a repair record, naming why and who wrote it (the signed-in author); it corrects the
 * record once another person approved it ({@link AmendmentApproval}, seed 000 §3.7.4). Never changed once written.
 * Amendments stored before migration V61 were approved when written and carry their approver themselves.
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

    /** Set only on amendments stored before V61 (approved at writing); null since. */
    @Column(name = "approved_by")
    private String approvedBy;

    @OneToOne(mappedBy = "amendment", fetch = FetchType.EAGER)
    private AmendmentApproval approval;

    @Column(name = "at", nullable = false)
    private Instant at;

    protected RepairAmendment() {
    }

    /** A correction written by {@code author}, awaiting approval by somebody else. */
    RepairAmendment(RepairRecord record, AmendedField field, String correctedValue, String reason, String author,
            Instant at) {
        this.record = record;
        this.field = field;
        this.correctedValue = correctedValue;
        this.reason = reason;
        this.author = author;
        this.at = at;
    }

    /** The approval to persist; the caller checks that the approver is not the author and that none exists yet. */
    AmendmentApproval approve(String approver, Instant when) {
        approval = new AmendmentApproval(this, record.id(), approver, when);
        return approval;
    }

    /** Whether the amendment corrects the record: approved by another person. */
    public boolean approved() {
        return approvedBy != null || approval != null;
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

    /** Who approved it; null while it awaits approval. */
    public String approvedBy() {
        return approvedBy != null ? approvedBy : approval == null ? null : approval.approvedBy();
    }

    /** When it was approved (for amendments before V61: when it was written); null while it awaits approval. */
    public Instant approvedAt() {
        return approvedBy != null ? at : approval == null ? null : approval.approvedAt();
    }

    /** The record it corrects. */
    public RepairRecord record() {
        return record;
    }

    public Instant at() {
        return at;
    }
}
