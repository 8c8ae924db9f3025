package io.fleetcare.api.customer;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.device.DeviceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The customer archive (客户档案, seed 000 §3.7): registers customers and their contacts and answers what it
 * holds. Nothing is ever changed or deleted through it; a correction will be an amendment (seed 000 §3.7.4).
 *
 * <p>Class-1 fields (address, contacts, devices owned; DOMAIN.md "Information classes", seed 000 §3.5) are shown
 * only to service managers and administrators for now. Issue 7 replaces this role check by time-limited access
 * grants approved by the top manager, with every read registered.
 */
@ApplicationScoped
public class CustomerArchive {

    private static final Logger LOG = Logger.getLogger(CustomerArchive.class);

    @Inject
    CustomerRepository customers;

    @Inject
    DeviceRepository devices;

    @Inject
    Clock clock;

    /**
     * @param name     never null
     * @param tier     never null
     * @param address  may be null
     * @param contacts never null, may be empty
     * @param caller   who registers the customer; never null
     * @return the new entry, in full; never null
     */
    @Transactional
    public CustomerView register(String name, CustomerTier tier, String address, List<NewContact> contacts,
            Caller caller) {
        Instant now = now();
        Customer customer = new Customer(name, tier, address, caller.username(), now);
        customers.persist(customer);
        for (NewContact contact : contacts) {
            customers.getEntityManager().persist(new CustomerContact(customer, contact, caller.username(), now));
        }
        customers.flush();
        customers.getEntityManager().refresh(customer);
        LOG.infof("Registered customer %d (tier %s) by %s", customer.id(), tier, caller.username());
        return CustomerView.full(customer, List.of());
    }

    /**
     * @throws CustomerNotFoundException when the archive holds no such customer
     */
    @Transactional
    public CustomerView.Contact addContact(long customerId, NewContact contact, Caller caller) {
        Customer customer = customers.findByIdOptional(customerId)
                .orElseThrow(() -> new CustomerNotFoundException(Long.toString(customerId)));
        CustomerContact added = new CustomerContact(customer, contact, caller.username(), now());
        customers.getEntityManager().persist(added);
        customers.flush();
        return CustomerView.contactOf(added);
    }

    /**
     * The entry, with class-1 fields only when the caller may read them.
     *
     * @throws CustomerNotFoundException when the archive holds no such customer
     */
    @Transactional
    public CustomerView get(long customerId, Caller caller) {
        Customer customer = customers.findByIdOptional(customerId)
                .orElseThrow(() -> new CustomerNotFoundException(Long.toString(customerId)));
        return mayReadClassOne(caller) ? CustomerView.full(customer, devices.idsOwnedBy(customerId))
                : CustomerView.withoutClassOne(customer);
    }

    /** Customers of a tier (all when null), by id, in full: listing the archive is for managers only. */
    @Transactional
    public List<CustomerView> search(CustomerTier tier, int limit) {
        return customers.search(tier, limit).stream()
                .map(c -> CustomerView.full(c, devices.idsOwnedBy(c.id())))
                .toList();
    }

    /**
     * The tier of the customer who owns a device, for the priority of its tickets.
     *
     * @return empty when the device is not registered or belongs to no customer
     */
    @Transactional
    public Optional<CustomerTier> tierOfOwner(String deviceId) {
        return customers.tierOfOwner(deviceId);
    }

    /** Whether the caller may read class-1 fields: service managers and administrators. */
    static boolean mayReadClassOne(Caller caller) {
        return caller.has(Role.SERVICE_MANAGER) || caller.has(Role.ADMIN);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
