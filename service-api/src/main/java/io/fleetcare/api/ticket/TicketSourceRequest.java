package io.fleetcare.api.ticket;

import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A maintenance request that fed a ticket, with the evidence it carried. Its id is the request's
 * deterministic id, so the same request is recorded at most once (the table's primary key).
 */
@Entity
@Table(name = "ticket_source_request")
public class TicketSourceRequest {

    @Id
    @Column(name = "request_id", nullable = false, updatable = false)
    private String requestId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", updatable = false)
    private MaintenanceRequest.Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false, updatable = false)
    private Severity severity;

    @Column(name = "alert_id", updatable = false)
    private String alertId;

    @Column(name = "detected_at", nullable = false, updatable = false)
    private Instant detectedAt;

    @Column(name = "predicted_at", updatable = false)
    private Instant predictedAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @ElementCollection
    @CollectionTable(name = "ticket_evidence", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    private List<EvidenceReading> evidence = new ArrayList<>();

    protected TicketSourceRequest() {
    }

    /**
     * Records a request as received now; it belongs to no ticket until {@link Ticket#attach} is called.
     *
     * @param request    a validated request; never null
     * @param receivedAt when this service took it in; never null
     */
    public TicketSourceRequest(MaintenanceRequest request, Instant receivedAt) {
        this.requestId = request.requestId();
        this.kind = request.kind();
        this.severity = request.severity();
        this.alertId = request.alertId();
        this.detectedAt = request.detectedAt();
        this.predictedAt = request.predictedAt();
        this.receivedAt = receivedAt;
        request.evidence().forEach(e -> evidence.add(new EvidenceReading(e.ts(), e.metric(), e.value(), e.text())));
    }

    void belongTo(Ticket ticket) {
        this.ticket = ticket;
    }

    public String requestId() {
        return requestId;
    }

    public Ticket ticket() {
        return ticket;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public List<EvidenceReading> evidence() {
        return Collections.unmodifiableList(evidence);
    }
}
