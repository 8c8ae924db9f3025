package io.fleetcare.api.ticket;

import io.fleetcare.api.ticket.sla.SlaDueTimes;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A service case (ticket, 工单): what is wrong with which device, how urgent it is, where it stands and
 * when its service-level clocks run out. Never leaves this service as is; clients see a {@link TicketView}.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "number", nullable = false, updatable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false)
    private TicketChannel channel;

    @Column(name = "device_id", nullable = false, updatable = false)
    private String deviceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "device_type", nullable = false, updatable = false)
    private DeviceType deviceType;

    @Column(name = "model", updatable = false)
    private String model;

    @Column(name = "rule_id", updatable = false)
    private String ruleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false)
    private TicketPriority priority;

    @Column(name = "problem", nullable = false)
    private String problem;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "respond_by", nullable = false)
    private Instant respondBy;

    @Column(name = "on_site_by", nullable = false)
    private Instant onSiteBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "ticket")
    @OrderBy("receivedAt ASC, requestId ASC")
    private List<TicketSourceRequest> sourceRequests = new ArrayList<>();

    protected Ticket() {
    }

    /**
     * Registers a case that telemetry opened on its own: status {@link TicketStatus#REGISTERED}, channel
     * {@link TicketChannel#TELEMETRY}, priority from the severity.
     *
     * @param number   the case's number, see {@link TicketNumber}; never null
     * @param deviceId never null
     * @param deviceType never null
     * @param model    may be null
     * @param ruleId   the detector rule that asked for maintenance; never null
     * @param severity never null
     * @param problem  one-line description; never null
     * @param openedAt when the case was registered; never null
     * @param due      the service-level due times computed from {@code openedAt}; never null
     */
    public static Ticket registerFromTelemetry(String number, String deviceId, DeviceType deviceType, String model,
            String ruleId, Severity severity, String problem, Instant openedAt, SlaDueTimes due) {
        Ticket t = new Ticket();
        t.number = number;
        t.status = TicketStatus.REGISTERED;
        t.channel = TicketChannel.TELEMETRY;
        t.deviceId = deviceId;
        t.deviceType = deviceType;
        t.model = model;
        t.ruleId = ruleId;
        t.severity = severity;
        t.priority = TicketPriority.fromSeverity(severity);
        t.problem = problem;
        t.openedAt = openedAt;
        t.respondBy = due.respondBy();
        t.onSiteBy = due.onSiteBy();
        return t;
    }

    /** Links a maintenance request (and so its evidence) to this case. */
    public void attach(TicketSourceRequest request) {
        request.belongTo(this);
        sourceRequests.add(request);
    }

    public Long id() {
        return id;
    }

    public String number() {
        return number;
    }

    public TicketStatus status() {
        return status;
    }

    public TicketChannel channel() {
        return channel;
    }

    public String deviceId() {
        return deviceId;
    }

    public DeviceType deviceType() {
        return deviceType;
    }

    /** May be null. */
    public String model() {
        return model;
    }

    /** Null for cases registered by hand. */
    public String ruleId() {
        return ruleId;
    }

    public Severity severity() {
        return severity;
    }

    public TicketPriority priority() {
        return priority;
    }

    public String problem() {
        return problem;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public SlaDueTimes due() {
        return new SlaDueTimes(respondBy, onSiteBy);
    }

    /** The requests that fed this case, oldest first. */
    public List<TicketSourceRequest> sourceRequests() {
        return Collections.unmodifiableList(sourceRequests);
    }
}
