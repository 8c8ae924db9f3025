package io.fleetcare.api.repair;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.annotations.Immutable;

/**
 * A repair or maintenance record. Written once and never changed (seed 000 §3.7.4; the database refuses UPDATE
 * and DELETE): a correction is a {@link RepairAmendment}. Never leaves this service as is; clients see a
 * {@link RepairRecordView}.
 */
@Entity
@Immutable
@Table(name = "repair_record")
public class RepairRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private RecordKind kind;

    @Column(name = "device_id", nullable = false)
    private String deviceId;

    @Column(name = "ticket_number")
    private String ticketNumber;

    @Column(name = "symptom", nullable = false)
    private String symptom;

    @Column(name = "cause", nullable = false)
    private String cause;

    @Column(name = "work_done", nullable = false)
    private String workDone;

    @Column(name = "test_result", nullable = false)
    private String testResult;

    @Column(name = "minutes_spent", nullable = false)
    private int minutesSpent;

    @Column(name = "engineer", nullable = false)
    private String engineer;

    @Column(name = "filed_by")
    private String filedBy;

    @Column(name = "customer_sign_off")
    private String customerSignOff;

    @Column(name = "performed_at", nullable = false)
    private Instant performedAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @ElementCollection
    @CollectionTable(name = "repair_part", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    private List<ReplacedPart> partsReplaced = new ArrayList<>();

    @OneToMany(mappedBy = "record")
    @OrderBy("at ASC, id ASC")
    private List<RepairAmendment> amendments = new ArrayList<>();

    protected RepairRecord() {
    }

    /**
     * @param engineer the engineer who did the work
     * @param filedBy  who filed it on the engineer's behalf; null when the engineer did
     * @param parts    the replaced parts as booked
     */
    RepairRecord(NewRepairRecord r, String engineer, String filedBy, List<ReplacedPart> parts, Instant recordedAt) {
        this.kind = r.kind();
        this.deviceId = r.deviceId();
        this.ticketNumber = r.ticketNumber();
        this.symptom = r.content().symptom();
        this.cause = r.content().cause();
        this.workDone = r.content().workDone();
        this.testResult = r.content().testResult();
        this.minutesSpent = r.content().minutesSpent();
        this.customerSignOff = r.content().customerSignOff();
        this.performedAt = r.performedAt();
        this.engineer = engineer;
        this.filedBy = filedBy;
        this.recordedAt = recordedAt;
        this.partsReplaced.addAll(parts);
    }

    /** What the engineer wrote, before any amendment. */
    public RecordContent recorded() {
        return new RecordContent(symptom, cause, workDone, testResult, minutesSpent, customerSignOff);
    }

    /** The content with every approved amendment applied in the order they were approved; pending ones are not. */
    public RecordContent current() {
        RecordContent content = recorded();
        List<RepairAmendment> approved = amendments.stream().filter(RepairAmendment::approved)
                .sorted(java.util.Comparator.comparing(RepairAmendment::approvedAt)
                        .thenComparing(RepairAmendment::id))
                .toList();
        for (RepairAmendment amendment : approved) {
            content = content.with(amendment.field(), amendment.correctedValue());
        }
        return content;
    }

    public Long id() {
        return id;
    }

    public RecordKind kind() {
        return kind;
    }

    public String deviceId() {
        return deviceId;
    }

    /** May be null: a maintenance visit need not belong to a ticket. */
    public String ticketNumber() {
        return ticketNumber;
    }

    public String engineer() {
        return engineer;
    }

    /** The supervisor or service manager who filed the record for the engineer; null when the engineer did. */
    public String filedBy() {
        return filedBy;
    }

    public Instant performedAt() {
        return performedAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public List<ReplacedPart> partsReplaced() {
        return Collections.unmodifiableList(partsReplaced);
    }

    public List<RepairAmendment> amendments() {
        return Collections.unmodifiableList(amendments);
    }
}
