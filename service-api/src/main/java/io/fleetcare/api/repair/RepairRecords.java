package io.fleetcare.api.repair;

import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.Caller;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.device.DeviceComponent;
import io.fleetcare.api.device.DeviceComponentRepository;
import io.fleetcare.api.device.DeviceRepository;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.api.ticket.Ticket;
import io.fleetcare.api.ticket.TicketRepository;
import io.fleetcare.api.ticket.sla.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Repair and maintenance records: filed once by the engineer who did the work, read by engineers and managers,
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
    SlaConfig calendar;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Files a record written by the caller.
     *
     * @param record never null
     * @param caller the engineer who did the work; never null
     * @return the record as stored; never null
     * @throws InvalidRequestException when the device is not registered, the ticket does not exist or is of
     *                                 another device, a component is not the device's, or the work lies in the future
     */
    @Transactional
    public RepairRecordView file(NewRepairRecord record, Caller caller) {
        Instant now = now();
        if (devices.findDevice(record.deviceId()).isEmpty()) {
            throw new InvalidRequestException("deviceId " + record.deviceId() + " names no registered device.");
        }
        if (record.ticketNumber() != null) {
            Ticket ticket = tickets.findByNumber(record.ticketNumber()).orElseThrow(() ->
                    new InvalidRequestException("ticketNumber " + record.ticketNumber() + " names no ticket."));
            if (!ticket.deviceId().equals(record.deviceId())) {
                throw new InvalidRequestException("Ticket " + record.ticketNumber() + " is about device "
                        + ticket.deviceId() + ", not " + record.deviceId() + ".");
            }
        }
        for (ReplacedPart part : record.partsReplaced()) {
            if (part.componentId() != null && components.findByIdOptional(part.componentId())
                    .map(DeviceComponent::deviceId).filter(record.deviceId()::equals).isEmpty()) {
                throw new InvalidRequestException("componentId " + part.componentId() + " is no component of device "
                        + record.deviceId() + ".");
            }
        }
        if (record.performedAt().isAfter(now)) {
            throw new InvalidRequestException("performedAt must not lie in the future.");
        }
        RepairRecord stored = new RepairRecord(record, caller.username(), now);
        records.persist(stored);
        records.flush();
        audit.record(AuditAction.WRITE, caller.username(), AuditSubject.REPAIR_RECORD, Long.toString(stored.id()), null,
                "filed " + record.kind() + " for device " + record.deviceId());
        LOG.infof("Filed %s record %d for device %s (ticket %s) by %s", record.kind(), stored.id(), record.deviceId(),
                record.ticketNumber(), caller.username());
        return view(stored);
    }

    /**
     * Corrects one field of a record by an amendment the caller approves.
     *
     * @param author the account that wrote the correction; must exist and must not be the caller
     * @throws RepairRecordNotFoundException when there is no such record
     * @throws InvalidRequestException       when the value does not fit the field, the author is unknown or is
     *                                       the approver
     */
    @Transactional
    public RepairRecordView amend(long recordId, AmendedField field, String correctedValue, String reason,
            String author, Caller caller) {
        RepairRecord record = records.findByIdOptional(recordId)
                .orElseThrow(() -> new RepairRecordNotFoundException(Long.toString(recordId)));
        if (author.equals(caller.username())) {
            throw new InvalidRequestException("An amendment is approved by someone other than its author.");
        }
        if (accounts.findByUsername(author).isEmpty()) {
            throw new InvalidRequestException("author " + author + " names no account.");
        }
        try {
            record.current().with(field, correctedValue);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("value for " + field + ": " + e.getMessage() + ".");
        }
        records.getEntityManager().persist(new RepairAmendment(record, field, correctedValue, reason, author,
                caller.username(), now()));
        records.flush();
        records.getEntityManager().refresh(record);
        audit.record(AuditAction.WRITE, caller.username(), AuditSubject.REPAIR_RECORD, Long.toString(recordId), null,
                "amended " + field + " written by " + author);
        LOG.infof("Amended %s of repair record %d by %s, approved by %s", field, recordId, author, caller.username());
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
                        .map(c -> c.warranty().categoryOn(day)).orElse(null)))
                .toList();
        return new RepairRecordView(r.id(), r.kind(), r.deviceId(), r.ticketNumber(), r.engineer(), r.performedAt(),
                r.recordedAt(), RepairRecordView.Content.of(r.recorded()), RepairRecordView.Content.of(r.current()),
                parts, r.amendments().stream().map(RepairRecordView.Amendment::of).toList());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
