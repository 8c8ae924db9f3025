package io.fleetcare.api.repair;

import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.device.DeviceComponent;
import io.fleetcare.api.device.DeviceComponentRepository;
import io.fleetcare.api.device.DeviceRepository;
import io.fleetcare.api.part.SpareParts;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.api.ticket.Ticket;
import io.fleetcare.api.ticket.TicketRepository;
import io.fleetcare.api.ticket.TicketStatus;
import io.fleetcare.api.ticket.sla.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Repair and maintenance records: filed once by the engineer who did the work (or for them by a service manager),
 * with the replaced parts issued from stock in the same transaction, read by engineers and managers,
 * corrected only by amendments a service manager approves (seed 000 §3.7.4). Nothing here updates or deletes a
 * record; the database refuses it as well. Every read and write is registered in the audit trail (seed 000 §3.6.4).
 */
@ApplicationScoped
public class RepairRecords {

    private static final Logger LOG = Logger.getLogger(RepairRecords.class);

    @Inject
    RepairRecordRepository records;

    @Inject
    DeviceRepository devices;

    @Inject
    DeviceComponentRepository components;

    @Inject
    TicketRepository tickets;

    @Inject
    AccountRepository accounts;

    @Inject
    SpareParts spareParts;

    @Inject
    SlaConfig calendar;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Files a record, with the stock movements of its replaced parts, in one transaction: when any check or any
     * issue fails, nothing is written. Who may file it and when: {@link RecordFiling}.
     *
     * @param record never null
     * @param caller the assigned engineer, or a service manager filing for them; never null
     * @return the record as stored; never null
     * @throws InvalidRequestException       when the device is not registered, the ticket does not exist or is of
     *                                       another device, parts are replaced without a ticket, a part is not in
     *                                       the catalog, a component is not the device's, or the time does not fit
     * @throws RecordFilingRefusedException  when the caller may not file it or the ticket is not on site or later
     * @throws io.fleetcare.api.part.StockConflictException when a store holds too few of a replaced part
     */
    @Transactional
    public RepairRecordView file(NewRepairRecord record, Caller caller) {
        Instant now = now();
        if (devices.findDevice(record.deviceId()).isEmpty()) {
            throw new InvalidRequestException("deviceId " + record.deviceId() + " names no registered device.");
        }
        RecordFiling.TicketFacts facts = null;
        if (record.ticketNumber() != null) {
            Ticket ticket = tickets.findByNumber(record.ticketNumber()).orElseThrow(() ->
                    new InvalidRequestException("ticketNumber " + record.ticketNumber() + " names no ticket."));
            if (!ticket.deviceId().equals(record.deviceId())) {
                throw new InvalidRequestException("Ticket " + record.ticketNumber() + " is about device "
                        + ticket.deviceId() + ", not " + record.deviceId() + ".");
            }
            facts = new RecordFiling.TicketFacts(ticket.number(), ticket.status(), ticket.transitions().stream()
                    .anyMatch(t -> t.to() == TicketStatus.ON_SITE), ticket.assignedEngineer(), ticket.openedAt());
        } else if (!record.partsReplaced().isEmpty()) {
            throw new InvalidRequestException("Replaced parts are issued against a ticket (seed 004 §3.6); name the "
                    + "ticketNumber.");
        }
        for (NewRepairRecord.Part part : record.partsReplaced()) {
            if (part.componentId() != null && components.findByIdOptional(part.componentId())
                    .map(DeviceComponent::deviceId).filter(record.deviceId()::equals).isEmpty()) {
                throw new InvalidRequestException("componentId " + part.componentId() + " is no component of device "
                        + record.deviceId() + ".");
            }
        }
        RecordFiling.Filer filer;
        try {
            filer = RecordFiling.check(facts, caller, record.performedAt(), now);
        } catch (RecordFilingRefusedException | InvalidRequestException e) {
            LOG.warnf("Refused record for device %s (ticket %s) by %s: %s", record.deviceId(), record.ticketNumber(),
                    caller.username(), e.getMessage());
            throw e;
        }
        List<ReplacedPart> parts = new ArrayList<>();
        for (NewRepairRecord.Part part : record.partsReplaced()) {
            SpareParts.IssuedPart issued = spareParts.issueForRepair(part.partId(), part.location(), part.quantity(),
                    record.ticketNumber(), filer.engineer(), caller);
            parts.add(new ReplacedPart(issued.name(), part.serial(), part.quantity(),
                    part.reason(), part.componentId(), issued.partId(), part.location(), issued.movementId()));
        }
        RepairRecord stored = new RepairRecord(record, filer.engineer(), filer.filedBy(), parts, now);
        records.persist(stored);
        records.flush();
        audit.record(AuditAction.WRITE, caller.username(), AuditSubject.REPAIR_RECORD, Long.toString(stored.id()), null,
                "filed " + record.kind() + " for device " + record.deviceId()
                        + (filer.filedBy() == null ? "" : " on behalf of " + filer.engineer()));
        LOG.infof("Filed %s record %d for device %s (ticket %s) by %s for %s", record.kind(), stored.id(),
                record.deviceId(), record.ticketNumber(), caller.username(), filer.engineer());
        return view(stored);
    }

    /**
     * Writes an amendment of one field of a record, authored by the caller; it corrects the record only once another
     * person approved it ({@link #approve}). A field engineer amends only their own records.
     *
     * @throws RepairRecordNotFoundException when there is no such record
     * @throws InvalidRequestException       when the value does not fit the field
     * @throws RecordFilingRefusedException  when a field engineer amends a record of another engineer (403)
     */
    @Transactional
    public RepairRecordView amend(long recordId, AmendedField field, String correctedValue, String reason,
            Caller caller) {
        RepairRecord record = records.findByIdOptional(recordId)
                .orElseThrow(() -> new RepairRecordNotFoundException(Long.toString(recordId)));
        boolean supervisor = caller.roles().contains(Role.SERVICE_MANAGER) || caller.roles().contains(Role.ADMIN);
        if (!supervisor && !caller.username().equals(record.engineer())) {
            throw new RecordFilingRefusedException(403, "amendment-not-permitted", "Amendment not permitted",
                    "Record " + recordId + " is " + record.engineer() + "'s; a field engineer amends only their own "
                            + "records.");
        }
        try {
            record.current().with(field, correctedValue);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("value for " + field + ": " + e.getMessage() + ".");
        }
        RepairAmendment amendment = new RepairAmendment(record, field, correctedValue, reason, caller.username(), now());
        records.getEntityManager().persist(amendment);
        records.flush();
        records.getEntityManager().refresh(record);
        audit.record(AuditAction.WRITE, caller.username(), AuditSubject.REPAIR_RECORD, Long.toString(recordId), null,
                "wrote amendment " + amendment.id() + " of " + field + ", awaiting approval");
        LOG.infof("Amendment %d of %s of repair record %d written by %s, awaiting approval", amendment.id(), field,
                recordId, caller.username());
        return view(record);
    }

    /**
     * Approves an amendment written by somebody else, which then corrects the record.
     *
     * @throws RepairRecordNotFoundException when there is no such record, or no such amendment of it
     * @throws AmendmentApprovalRefusedException when the caller wrote the amendment (403) or it is approved (409)
     */
    @Transactional
    public RepairRecordView approve(long recordId, long amendmentId, Caller caller) {
        RepairRecord record = records.findByIdOptional(recordId)
                .orElseThrow(() -> new RepairRecordNotFoundException(Long.toString(recordId)));
        RepairAmendment amendment = record.amendments().stream().filter(a -> a.id() == amendmentId).findFirst()
                .orElseThrow(() -> new RepairRecordNotFoundException(recordId + "/amendments/" + amendmentId));
        if (amendment.author().equals(caller.username())) {
            LOG.warnf("Refused: %s approving their own amendment %d of repair record %d", caller.username(),
                    amendmentId, recordId);
            throw AmendmentApprovalRefusedException.ownAmendment(amendmentId);
        }
        if (amendment.approved()) {
            throw AmendmentApprovalRefusedException.approvedBefore(amendmentId, amendment.approvedBy());
        }
        records.getEntityManager().persist(amendment.approve(caller.username(), now()));
        records.flush();
        records.getEntityManager().refresh(record);
        audit.record(AuditAction.WRITE, caller.username(), AuditSubject.REPAIR_RECORD, Long.toString(recordId), null,
                "approved amendment " + amendmentId + " of " + amendment.field() + " written by " + amendment.author());
        LOG.infof("Amendment %d of repair record %d (by %s) approved by %s", amendmentId, recordId, amendment.author(),
                caller.username());
        return view(record);
    }

    /**
     * @param caller who reads; the read is audited
     * @throws RepairRecordNotFoundException when there is no such record
     */
    @Transactional
    public RepairRecordView get(long recordId, Caller caller) {
        return read(records.findByIdOptional(recordId)
                .orElseThrow(() -> new RepairRecordNotFoundException(Long.toString(recordId))), caller);
    }

    /** Records of a device and/or ticket (all when both are null), latest work first; each read is audited. */
    @Transactional
    public List<RepairRecordView> search(String deviceId, String ticketNumber, int limit, Caller caller) {
        List<RepairRecordView> views = records.search(deviceId, ticketNumber, limit).stream().map(this::view).toList();
        views.forEach(v -> audit.record(AuditAction.READ, caller.username(), AuditSubject.REPAIR_RECORD,
                Long.toString(v.recordId()), null, null));
        return views;
    }

    private RepairRecordView read(RepairRecord record, Caller caller) {
        audit.record(AuditAction.READ, caller.username(), AuditSubject.REPAIR_RECORD, Long.toString(record.id()), null,
                null);
        return view(record);
    }

    private RepairRecordView view(RepairRecord r) {
        LocalDate day = LocalDate.ofInstant(r.performedAt(), calendar.zone());
        List<RepairRecordView.Part> parts = r.partsReplaced().stream().map(p -> new RepairRecordView.Part(
                p.part(), p.serial(), p.quantity(), p.reason(), p.componentId(),
                p.componentId() == null ? null : components.findByIdOptional(p.componentId())
                        .map(c -> c.warranty().categoryOn(day)).orElse(null), p.partId(), p.location(),
                p.movementId()))
                .toList();
        return new RepairRecordView(r.id(), r.kind(), r.deviceId(), r.ticketNumber(), r.engineer(), r.filedBy(),
                r.performedAt(),
                r.recordedAt(), RepairRecordView.Content.of(r.recorded()), RepairRecordView.Content.of(r.current()),
                parts, r.amendments().stream().map(RepairRecordView.Amendment::of).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
