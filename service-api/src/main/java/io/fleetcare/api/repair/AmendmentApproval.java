package io.fleetcare.api.repair;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * The approval of an amendment by another person than its author, given in a request of its own (migration V61:
 * the database refuses an approval by the author and a second approval). Never changed once written.
 */
@Entity
@Immutable
@Table(name = "repair_amendment_approval")
public class AmendmentApproval {

    @Id
    @Column(name = "amendment_id")
    private Long amendmentId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "amendment_id")
    private RepairAmendment amendment;

    @Column(name = "record_id", nullable = false)
    private Long recordId;

    @Column(name = "approved_by", nullable = false)
    private String approvedBy;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    protected AmendmentApproval() {
    }

    AmendmentApproval(RepairAmendment amendment, long recordId, String approvedBy, Instant approvedAt) {
        this.amendment = amendment;
        this.recordId = recordId;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }
}
