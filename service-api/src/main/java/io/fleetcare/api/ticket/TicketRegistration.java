package io.fleetcare.api.ticket;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.customer.CustomerArchive;
import io.fleetcare.api.device.CaseCategory;
import io.fleetcare.api.device.Device;
import io.fleetcare.api.device.DeviceRegistry;
import io.fleetcare.api.device.DeviceRepository;
import io.fleetcare.api.problem.InvalidRequestException;
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
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Registers the cases a person takes in by phone, e-mail or web (seed 000 §4.1 "售后服务接受和登记"):
 * checked against the device registry (type, model, serial and owner come from it), then a new number, status
 * REGISTERED, SLA due times from now, and who registered it. Such cases name no detector rule, so they never join
 * another ticket.
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
    DeviceRepository deviceRepository;

    @Inject
    SlaConfig calendar;

    @Inject
    Clock clock;

    /**
     * What a person registers.
     *
     * @param channel      PHONE, EMAIL or WEB; never null
     * @param deviceId     never null
     * @param deviceType   as told; may be null for a registered device (the registry's is taken; a different one is
     *                     refused), required for an unregistered product
     * @param model        as told; may be null for a registered device (the registry's is taken; a different one is
     *                     refused), required for an unregistered product
     * @param problem      the customer's description; never null
     * @param severity     never null
     * @param complaint    whether the customer complains, which starts the complaint verification clock
     * @param component    the name of the device component the case is about; null when it names none
     * @param unregistered whether the case says explicitly that the product is not in the registry
     * @param serial       the serial as told; required for an unregistered product, else it must match the registry's
     *                     when given
     */
    public record Case(TicketChannel channel, String deviceId, DeviceType deviceType, String model, String problem,
            Severity severity, boolean complaint, String component, boolean unregistered, String serial) {
    }

    /**
     * Checks the case against the device registry (seed 000 §4.1: registration holds the customer and the product,
     * model and serial) and registers it; a refused case uses no number.
     *
     * @param registered what was taken in; never null
     * @param caller     who registers it; never null
     * @return the new ticket's number; never null
     * @throws IllegalArgumentException when the channel is TELEMETRY
     * @throws DeviceNotRegisteredException when the device is not in the registry and the case does not say it is for
     *                                      an unregistered product (400)
     * @throws io.fleetcare.api.problem.InvalidRequestException when the type, model or serial contradict the registry,
     *                                                          an unregistered product lacks them, or a component is
     *                                                          named that the device does not have (400)
     */
    @Transactional
    public String register(Case registered, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<Device> device = deviceRepository.findDevice(registered.deviceId());
        DeviceType type;
        String model;
        String serial;
        Long customerId;
        if (device.isPresent()) {
            Device d = device.get();
            if (registered.unregistered()) {
                throw new InvalidRequestException("Device " + d.id() + " is in the registry (" + d.deviceType() + " "
                        + d.model() + "); leave unregisteredProduct out.");
            }
            mustMatch("deviceType", registered.deviceType() == null ? null : registered.deviceType().name(),
                    d.deviceType().name(), d.id());
            mustMatch("model", registered.model(), d.model(), d.id());
            mustMatch("serial", registered.serial(), d.serial(), d.id());
            type = d.deviceType();
            model = d.model();
            serial = d.serial();
            customerId = d.customerId();
        } else if (registered.unregistered()) {
            if (registered.deviceType() == null || registered.model() == null || registered.serial() == null) {
                throw new InvalidRequestException("A case for an unregistered product names its deviceType, model "
                        + "and serial as the customer told them.");
            }
            type = registered.deviceType();
            model = registered.model();
            serial = registered.serial();
            customerId = null;
        } else {
            LOG.warnf("Refused registration for device %s by %s: not in the registry", registered.deviceId(),
                    caller.username());
            throw new DeviceNotRegisteredException(registered.deviceId());
        }
        CaseCategory category = devices.categoryOfCase(registered.deviceId(), registered.component(),
                LocalDate.ofInstant(now, calendar.zone()));
        String number = TicketNumber.format(now, tickets.nextNumberSequence());
        Ticket ticket = Ticket.registerByPerson(number, registered.channel(), registered.deviceId(), type, model,
                registered.severity(), registered.problem(), caller.username(), now,
                slaPolicy.dueTimes(now, registered.complaint()),
                customers.tierOfOwner(registered.deviceId()).orElse(null));
        ticket.identify(serial, customerId, device.isEmpty());
        ticket.classify(category);
        tickets.persist(ticket);
        LOG.infof("Registered ticket %s (%s, %s) for %sdevice %s by %s", number, registered.channel(),
                registered.severity(), device.isEmpty() ? "unregistered " : "", registered.deviceId(),
                caller.username());
        return number;
    }

    private static void mustMatch(String field, String told, String registered, String deviceId) {
        if (told != null && !told.equals(registered)) {
            throw new InvalidRequestException(field + " '" + told + "' is not device " + deviceId + "'s: the registry "
                    + "holds '" + registered + "'. Leave it out to take the registry's.");
        }
    }
}
