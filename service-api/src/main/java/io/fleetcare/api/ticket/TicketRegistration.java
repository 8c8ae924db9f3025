package io.fleetcare.api.ticket;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.customer.CustomerArchive;
import io.fleetcare.api.device.DeviceRegistry;
import io.fleetcare.api.ticket.sla.SlaConfig;
import io.fleetcare.api.ticket.sla.SlaPolicy;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Registers the cases a person takes in by phone, e-mail or web (seed 000 §4.1 "售后服务接受和登记"):
 * a new number, status REGISTERED, SLA due times from now, and who registered it. Such cases name no
 * detector rule, so they never join another ticket.
 */
@ApplicationScoped
public class TicketRegistration {

    private static final Logger LOG = Logger.getLogger(TicketRegistration.class);

    @Inject
    TicketRepository tickets;

    @Inject
    SlaPolicy slaPolicy;

    @Inject
    CustomerArchive customers;

    @Inject
    DeviceRegistry devices;

    @Inject
    SlaConfig calendar;

    @Inject
    Clock clock;

    /**
     * What a person registers.
     *
     * @param channel    PHONE, EMAIL or WEB; never null
     * @param deviceId   never null
     * @param deviceType never null
     * @param model      may be null
     * @param problem    the customer's description; never null
     * @param severity   never null
     * @param complaint  whether the customer complains, which starts the complaint verification clock
     * @param component  the name of the device component the case is about; null when it names none
     */
    public record Case(TicketChannel channel, String deviceId, DeviceType deviceType, String model, String problem,
            Severity severity, boolean complaint, String component) {
    }

    /**
     * @param registered what was taken in; never null
     * @param caller     who registers it; never null
     * @return the new ticket's number; never null
     * @throws IllegalArgumentException when the channel is TELEMETRY
     * @throws io.fleetcare.api.problem.InvalidRequestException when a component is named that the device does not
     *                                                          have (400)
     */
    @Transactional
    public String register(Case registered, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String number = TicketNumber.format(now, tickets.nextNumberSequence());
        Ticket ticket = Ticket.registerByPerson(number, registered.channel(), registered.deviceId(),
                registered.deviceType(), registered.model(), registered.severity(), registered.problem(),
                caller.username(), now, slaPolicy.dueTimes(now, registered.complaint()),
                customers.tierOfOwner(registered.deviceId()).orElse(null));
        ticket.classify(devices.categoryOfCase(registered.deviceId(), registered.component(),
                LocalDate.ofInstant(now, calendar.zone())));
        tickets.persist(ticket);
        LOG.infof("Registered ticket %s (%s, %s) for device %s by %s", number, registered.channel(),
                registered.severity(), registered.deviceId(), caller.username());
        return number;
    }
}
