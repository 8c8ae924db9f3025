package io.fleetcare.api.ticket;

import io.fleetcare.api.customer.CustomerArchive;
import io.fleetcare.api.device.Device;
import io.fleetcare.api.device.DeviceRegistry;
import io.fleetcare.api.device.DeviceRepository;
import io.fleetcare.api.ticket.sla.SlaConfig;
import io.fleetcare.api.ticket.sla.SlaPolicy;
import io.fleetcare.events.MaintenanceRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns maintenance requests into tickets, idempotently:
 * <ul>
 *   <li>a request id already recorded changes nothing (primary key of {@code ticket_source_request});</li>
 *   <li>while a device has an open ticket for a rule, a new request for the same device and rule joins it
 *       with its evidence instead of opening another (partial unique index
 *       {@code ticket_one_open_per_device_rule});</li>
 *   <li>otherwise a ticket is registered with a new number and its SLA due times (seed 000 §4.1,
 *       seed 004 §3.2.2).</li>
 * </ul>
 * Several instances of the service may take in requests at the same time: the database constraints decide,
 * and the instance that loses a race runs its transaction again and then sees the winner's rows.
 */
@ApplicationScoped
public class TicketIntake {

    private static final Logger LOG = Logger.getLogger(TicketIntake.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_ATTEMPTS = 3;

    @Inject
    TicketRepository tickets;

    @Inject
    TicketSourceRequestRepository sourceRequests;

    @Inject
    SlaPolicy slaPolicy;

    @Inject
    CustomerArchive customers;

    @Inject
    DeviceRegistry devices;

    @Inject
    DeviceRepository deviceRepository;

    @Inject
    SlaConfig calendar;

    @Inject
    Clock clock;

    /**
     * Takes in one request in its own transaction.
     *
     * @param request a request whose required fields are present (see the consumer's validation); never null
     * @return what happened; never null
     * @throws RuntimeException when the database cannot store the request; nothing is stored then
     */
    public IntakeResult accept(MaintenanceRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> acceptOnce(request));
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !lostUniqueRace(e)) {
                    throw e;
                }
                LOG.debugf("Request %s for device %s lost a race to another writer; trying again",
                        request.requestId(), request.deviceId());
            }
        }
    }

    private IntakeResult acceptOnce(MaintenanceRequest request) {
        Optional<TicketSourceRequest> recorded = sourceRequests.findByIdOptional(request.requestId());
        if (recorded.isPresent()) {
            return new IntakeResult(IntakeResult.Outcome.DUPLICATE, recorded.get().ticket().number());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Ticket> open = tickets.findOpenForUpdate(request.deviceId(), request.ruleId());
        Ticket ticket = open.orElseGet(() -> register(request, now));
        TicketSourceRequest source = new TicketSourceRequest(request, now);
        ticket.attach(source);
        sourceRequests.persist(source);
        tickets.flush();
        if (open.isPresent()) {
            LOG.infof("Request %s for device %s rule %s joined open ticket %s",
                    request.requestId(), request.deviceId(), request.ruleId(), ticket.number());
            return new IntakeResult(IntakeResult.Outcome.APPENDED, ticket.number());
        }
        LOG.infof("Opened ticket %s for device %s rule %s (%s) from request %s",
                ticket.number(), request.deviceId(), request.ruleId(), ticket.severity(), request.requestId());
        return new IntakeResult(IntakeResult.Outcome.OPENED, ticket.number());
    }

    private Ticket register(MaintenanceRequest request, Instant openedAt) {
        String number = TicketNumber.format(openedAt, tickets.nextNumberSequence());
        Ticket ticket = Ticket.registerFromTelemetry(number, request.deviceId(), request.deviceType(),
                request.model(), request.ruleId(), request.severity(), request.problem(), openedAt,
                slaPolicy.dueTimes(openedAt, false), customers.tierOfOwner(request.deviceId()).orElse(null));
        // a device the registry does not hold still gets its case (never lose a request), marked unregistered
        Optional<Device> registered = deviceRepository.findDevice(request.deviceId());
        ticket.identify(registered.map(Device::serial).orElse(null), registered.map(Device::customerId).orElse(null),
                registered.isEmpty());
        ticket.classify(devices.categoryOfCase(request.deviceId(), null,
                LocalDate.ofInstant(openedAt, calendar.zone())));
        tickets.persist(ticket);
        return ticket;
    }

    private static boolean lostUniqueRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
