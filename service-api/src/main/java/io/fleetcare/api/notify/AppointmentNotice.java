package io.fleetcare.api.notify;

import io.fleetcare.api.account.Account;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.Caller;
import io.fleetcare.api.archive.ClassOneMask;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.customer.CustomerArchive;
import io.fleetcare.api.customer.CustomerView;
import io.fleetcare.api.device.DeviceNotFoundException;
import io.fleetcare.api.device.DeviceRegistry;
import io.fleetcare.api.ticket.VisitScheduled;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Tells the customer's contact the time and place of a scheduled visit (seed 000 §4.2: the customer is told time
 * and place), by e-mail. The contact and the site are class 1: they are read only through the platform's own rule,
 * as the assigned engineer, under the grant the engineer's assignment implies ({@link CustomerArchive#ownerOf},
 * {@link DeviceRegistry#get}), and each read is audited with that grant. Without a grant in force, or without a
 * contact with an e-mail address, no notice is sent and the record says WITHHELD and why. The record shows the
 * contact masked; the notice itself is audited on the ticket.
 */
@ApplicationScoped
public class AppointmentNotice {

    private static final Logger LOG = Logger.getLogger(AppointmentNotice.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    CustomerArchive customers;

    @Inject
    DeviceRegistry devices;

    @Inject
    AccountRepository accounts;

    @Inject
    NotificationStore store;

    @Inject
    Channels channels;

    @Inject
    AuditTrail audit;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    /** After the move to SCHEDULED is committed; sent from a worker thread so the request does not wait for SMTP. */
    void onVisitScheduled(@Observes(during = TransactionPhase.AFTER_SUCCESS) VisitScheduled visit) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            ManagedContext requestContext = Arc.container().requestContext();
            requestContext.activate();
            try {
                send(visit);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Appointment notice of ticket %s failed", visit.number());
            } finally {
                requestContext.terminate();
            }
        });
    }

    void send(VisitScheduled visit) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String window = WHEN.format(visit.appointmentFrom().atZone(config.zone())) + " - "
                + WHEN.format(visit.appointmentTo().atZone(config.zone())) + " (" + config.zone() + ")";
        String key = "APPOINTMENT:" + visit.number() + ":" + visit.appointmentFrom() + ":" + visit.appointmentTo();
        String title = "Service visit for case " + visit.number() + ": " + window;
        Optional<Caller> engineer = QuarkusTransaction.requiringNew().call(() -> accounts
                .findByUsername(visit.engineer()).map(Account::roles).map(r -> new Caller(visit.engineer(), r)));
        Long customerId = visit.customerId();
        if (customerId == null) {
            try {
                customerId = devices.ownerOf(visit.deviceId());
            } catch (DeviceNotFoundException e) {
                customerId = null;
            }
        }
        if (customerId == null || engineer.isEmpty()) {
            withheld(visit, key, title, customerId == null ? "no customer is registered for the device"
                    : "the assigned engineer's account does not exist", now);
            return;
        }
        CustomerView owner = customers.ownerOf(customerId, visit.deviceId(), engineer.get());
        if (owner.classOneWithheld()) {
            withheld(visit, key, title, "no grant in force lets the assigned engineer read the contact", now);
            return;
        }
        Optional<CustomerView.Contact> contact = owner.contacts().stream().filter(c -> c.email() != null).findFirst();
        if (contact.isEmpty()) {
            withheld(visit, key, title, "the customer has no contact with an e-mail address", now);
            return;
        }
        String place = devices.get(visit.deviceId(), engineer.get()).siteAddress();
        String text = "Dear " + contact.get().name() + ",\n\nour field engineer will visit you for case "
                + visit.number() + "\n  when:  " + window + "\n  where: " + place
                + "\n\nIf the time does not suit you, please answer this message.\n";
        String status = "SENT";
        String error = null;
        try {
            channels.email(contact.get().email(), title, text);
        } catch (Channels.DeliveryFailedException e) {
            status = "FAILED";
            error = e.getMessage();
        }
        String masked = ClassOneMask.email(contact.get().email());
        store.recordDone(new NotificationStore.NewDelivery(key, null, "TICKET", visit.number(), "APPOINTMENT", null,
                NotificationChannel.EMAIL, null, masked, title, "Visit window " + window + " at the site of device "
                        + visit.deviceId()), status, error, now);
        audit.record(AuditAction.WRITE, visit.engineer(), AuditSubject.TICKET, visit.number(), owner.grantId(),
                "appointment notice " + status + " by e-mail to contact " + contact.get().contactId()
                        + " of customer " + customerId + " (" + masked + ")");
        LOG.infof("Appointment notice of ticket %s: %s to contact %d%s", visit.number(), status,
                contact.get().contactId(), error == null ? "" : " (" + error + ")");
    }

    private void withheld(VisitScheduled visit, String key, String title, String why, Instant now) {
        store.recordDone(new NotificationStore.NewDelivery(key, null, "TICKET", visit.number(), "APPOINTMENT", null,
                NotificationChannel.EMAIL, null, "(customer contact)", title, why), "WITHHELD", why, now);
        LOG.infof("Appointment notice of ticket %s withheld: %s", visit.number(), why);
    }
}
