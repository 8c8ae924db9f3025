package io.fleetcare.api.ticket;

import io.fleetcare.api.customer.CustomerTier;
import io.fleetcare.api.device.CaseCategory;
import io.fleetcare.api.ticket.sla.SlaDueTimes;
import io.fleetcare.api.ticket.sla.SlaMilestones;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    @Embedded
    private TicketClocks clocks;

    @Column(name = "complaint", nullable = false, updatable = false)
    private boolean complaint;

    @Column(name = "registered_by", updatable = false)
    private String registeredBy;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Embedded
    private Appointment appointment;

    @Embedded
    private CaseProduct product = new CaseProduct();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "ticket")
    @OrderBy("receivedAt ASC, requestId ASC")
    private List<TicketSourceRequest> sourceRequests = new ArrayList<>();

    @OneToMany(mappedBy = "ticket")
    @OrderBy("at ASC, id ASC")
    private List<TicketTransition> transitions = new ArrayList<>();

    @OneToMany(mappedBy = "ticket")
    @OrderBy("assignedAt ASC, id ASC")
    private List<TicketAssignment> assignments = new ArrayList<>();

    @OneToMany(mappedBy = "ticket")
    @OrderBy("at ASC, id ASC")
    private List<RemoteResolution> remoteResolutions = new ArrayList<>();

    @OneToMany(mappedBy = "ticket")
    @OrderBy("at ASC, id ASC")
    private List<CustomerConfirmation> confirmations = new ArrayList<>();

    protected Ticket() {
    }

    /**
     * Registers a case that telemetry opened on its own: status {@link TicketStatus#REGISTERED}, channel
     * {@link TicketChannel#TELEMETRY}, priority from the severity and the owner's tier.
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
     * @param ownerTier the tier of the customer who owns the device; null when none is known
     */
    public static Ticket registerFromTelemetry(String number, String deviceId, DeviceType deviceType, String model,
            String ruleId, Severity severity, String problem, Instant openedAt, SlaDueTimes due,
            CustomerTier ownerTier) {
        Ticket t = registered(number, TicketChannel.TELEMETRY, deviceId, deviceType, model, severity, problem,
                openedAt, due, ownerTier);
        t.ruleId = ruleId;
        return t;
    }

    /**
     * Registers a case that a person took in by phone, e-mail or web: status {@link TicketStatus#REGISTERED},
     * no rule, priority from the severity and the owner's tier.
     *
     * @param number       the case's number, see {@link TicketNumber}; never null
     * @param channel      how the case arrived; never null and never {@link TicketChannel#TELEMETRY}
     * @param deviceId     never null
     * @param deviceType   never null
     * @param model        may be null
     * @param severity     never null
     * @param problem      the customer's description; never null
     * @param registeredBy username of the account that registered it; never null
     * @param openedAt     when the case was registered; never null
     * @param due          the service-level due times computed from {@code openedAt}; its complaint clock is
     *                     set exactly when the case is a complaint; never null
     * @param ownerTier    the tier of the customer who owns the device; null when none is known
     * @throws IllegalArgumentException when the channel is {@link TicketChannel#TELEMETRY}
     */
    public static Ticket registerByPerson(String number, TicketChannel channel, String deviceId,
            DeviceType deviceType, String model, Severity severity, String problem, String registeredBy,
            Instant openedAt, SlaDueTimes due, CustomerTier ownerTier) {
        if (channel == TicketChannel.TELEMETRY) {
            throw new IllegalArgumentException("a person registers tickets by phone, e-mail or web, not telemetry");
        }
        Ticket t = registered(number, channel, deviceId, deviceType, model, severity, problem, openedAt, due,
                ownerTier);
        t.registeredBy = registeredBy;
        t.complaint = due.complaintVerifyBy() != null;
        return t;
    }

    private static Ticket registered(String number, TicketChannel channel, String deviceId, DeviceType deviceType,
            String model, Severity severity, String problem, Instant openedAt, SlaDueTimes due,
            CustomerTier ownerTier) {
        Ticket t = new Ticket();
        t.number = number;
        t.status = TicketStatus.REGISTERED;
        t.channel = channel;
        t.deviceId = deviceId;
        t.deviceType = deviceType;
        t.model = model;
        t.severity = severity;
        t.priority = TicketPriority.of(severity, ownerTier);
        t.problem = problem;
        t.openedAt = openedAt;
        t.statusChangedAt = openedAt;
        t.clocks = new TicketClocks(due);
        return t;
    }

    /**
     * Changes the status and records when the SLA milestones were first reached; reaching a later milestone
     * of the main line also marks the earlier ones not yet reached. Whether the move is allowed is decided
     * beforehand by {@link TicketLifecycle}; this method does not check it.
     *
     * @param to     the new status; never null
     * @param at     when the move happened; never null
     * @param actor  username of the account that moves it; never null
     * @param reason why; may be null
     * @return the transition to append to the history; never null
     */
    TicketTransition moveTo(TicketStatus to, Instant at, String actor, String reason) {
        TicketTransition transition = new TicketTransition(this, status, to, reason, actor, at);
        transitions.add(transition);
        clocks.reach(to, at);
        status = to;
        statusChangedAt = at;
        return transition;
    }

    /**
     * Gives the case to a field engineer for an appointment window, replacing any earlier assignment.
     *
     * @return the record of this assignment to append to the history; never null
     */
    TicketAssignment assign(String engineer, Instant from, Instant to, String assignedBy, Instant at,
            String lateReason) {
        appointment = new Appointment(engineer, from, to);
        TicketAssignment assignment = new TicketAssignment(this, engineer, from, to, assignedBy, at,
                lateReason);
        assignments.add(assignment);
        return assignment;
    }

    /** Records that the case was resolved without a repair record; to persist with the move to RESOLVED. */
    RemoteResolution resolveRemotely(ResolutionMethod method, String workDone, String by, Instant at) {
        RemoteResolution resolution = new RemoteResolution(this, method, workDone, by, at);
        remoteResolutions.add(resolution);
        return resolution;
    }

    /** Records how the customer confirmed; to persist with the move to CUSTOMER_CONFIRMED. */
    CustomerConfirmation confirm(ConfirmationMethod method, String contact, String reference, Long repairRecordId,
            String by, Instant at) {
        CustomerConfirmation confirmation = new CustomerConfirmation(this, method, contact, reference, repairRecordId,
                by, at);
        confirmations.add(confirmation);
        return confirmation;
    }

    /** The status the ticket was escalated from, while it is ESCALATED; null otherwise or when unknown. */
    public TicketStatus escalatedFrom() {
        return TicketHistory.escalatedFrom(status, transitions);
    }

    /** When the case was last reopened (see {@link TicketLifecycle#reopens}); null when it never was. */
    public Instant lastReopenedAt() {
        return TicketHistory.lastReopenedAt(transitions);
    }

    /**
     * Names the product as the registry knows it (serial, owner), or marks the case as one for a product the registry
     * does not hold (the serial then as told, may be null for telemetry); called once, before it is stored.
     */
    void identify(String serial, Long customerId, boolean unregistered) {
        product.identify(serial, customerId, unregistered);
    }

    /** Sets the service category decided when the case was registered; called once, before it is stored. */
    void classify(CaseCategory category) {
        product.classify(category);
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
        return clocks.due();
    }

    /** What the case reached so far; a cancelled case stopped its clocks when it was cancelled. */
    public SlaMilestones milestones() {
        return clocks.reached(status == TicketStatus.CANCELLED ? statusChangedAt : null);
    }

    public boolean complaint() {
        return complaint;
    }

    /** Username of the account that registered the case; null for cases telemetry opened. */
    public String registeredBy() {
        return registeredBy;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    /** The product the case is about as registered with it (serial, owner, service category); never null. */
    public CaseProduct product() {
        return product;
    }

    /** Username of the assigned field engineer; null while nobody is assigned. */
    public String assignedEngineer() {
        return appointment == null ? null : appointment.engineer();
    }

    /** Start of the appointment window; null while nobody is assigned. */
    public Instant appointmentFrom() {
        return appointment == null ? null : appointment.from();
    }

    /** End of the appointment window; null while nobody is assigned. */
    public Instant appointmentTo() {
        return appointment == null ? null : appointment.to();
    }

    /** Every status change of this case, oldest first. */
    public List<TicketTransition> transitions() {
        return Collections.unmodifiableList(transitions);
    }

    /** Every assignment of this case, oldest first; the last one is the current one. */
    public List<TicketAssignment> assignments() {
        return Collections.unmodifiableList(assignments);
    }

    /** Every remote resolution of this case, oldest first. */
    public List<RemoteResolution> remoteResolutions() {
        return Collections.unmodifiableList(remoteResolutions);
    }

    /** Every confirmation of this case by the customer, oldest first (more than one when it was reopened). */
    public List<CustomerConfirmation> confirmations() {
        return Collections.unmodifiableList(confirmations);
    }

    /** The requests that fed this case, oldest first. */
    public List<TicketSourceRequest> sourceRequests() {
        return Collections.unmodifiableList(sourceRequests);
    }
}
