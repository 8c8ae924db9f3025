package io.fleetcare.api.customer;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.device.DeviceRepository;
import io.fleetcare.api.grant.AccessGrants;
import io.fleetcare.api.grant.GrantInForce;
import io.fleetcare.api.grant.GrantKind;
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
 * <p>Class-1 fields (address, contacts, devices owned; {@code ArchiveField}, seed 000 §3.6.1) are shown only to a
 * caller holding an approved, unexpired access grant for the customer ({@link AccessGrants}), masked for everybody
 * else. Every read and write is registered in the audit trail with the grant used (seed 000 §3.6.4).
 */
@ApplicationScoped
public class CustomerArchive {

    private static final Logger LOG = Logger.getLogger(CustomerArchive.class);

    @Inject
    CustomerRepository customers;

    @Inject
    DeviceRepository devices;

    @Inject
    AccessGrants grants;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * @param name     never null
     * @param tier     never null
     * @param kind     HOME or BUSINESS; never null
     * @param address  may be null
     * @param contacts never null, may be empty
     * @param caller   who registers the customer; never null
     * @return the new entry, in full; never null
     */
    @Transactional
    public CustomerView register(String name, CustomerTier tier, CustomerKind kind, String address,
            List<NewContact> contacts, Caller caller) {
        Instant now = now();
        Customer customer = new Customer(name, tier, kind, address, caller.username(), now);
        customers.persist(customer);
        for (NewContact contact : contacts) {
            customers.getEntityManager().persist(new CustomerContact(customer, contact, caller.username(), now));
        }
        customers.flush();
        customers.getEntityManager().refresh(customer);
        audit.record(AuditAction.WRITE, caller.username(), AuditSubject.CUSTOMER, Long.toString(customer.id()), null,
                "registered (" + kind + ") with " + contacts.size() + " contact(s)");
        LOG.infof("Registered customer %d (tier %s, %s) by %s", customer.id(), tier, kind, caller.username());
        return CustomerView.full(customer, List.of(), null);
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
        audit.record(AuditAction.WRITE, caller.username(), AuditSubject.CUSTOMER, Long.toString(customerId), null,
                "contact " + added.id() + " added");
        return CustomerView.contactOf(added);
    }

    /**
     * The entry, class-1 fields in full only under the caller's valid access grant for it, masked otherwise. The
     * read is audited with the grant used.
     *
     * @throws CustomerNotFoundException when the archive holds no such customer
     */
    @Transactional
    public CustomerView get(long customerId, Caller caller) {
        Customer customer = customers.findByIdOptional(customerId)
                .orElseThrow(() -> new CustomerNotFoundException(Long.toString(customerId)));
        return read(customer, caller);
    }

    /**
     * The owner of a device as the caller may see it in the device's history: under a requested grant in full, under
     * the grant the caller's assignment to an open case of the device implies with what the visit needs (no list of
     * devices owned), otherwise masked with its id withheld. The read is audited with the grant used.
     *
     * @throws CustomerNotFoundException when the archive holds no such customer
     */
    @Transactional
    public CustomerView ownerOf(long customerId, String deviceId, Caller caller) {
        Customer customer = customers.findByIdOptional(customerId)
                .orElseThrow(() -> new CustomerNotFoundException(Long.toString(customerId)));
        Optional<GrantInForce> grant = grants.inForce(caller.username(), customerId, deviceId);
        audit.record(AuditAction.READ, caller.username(), AuditSubject.CUSTOMER, Long.toString(customerId),
                grant.map(GrantInForce::grantId).orElse(null),
                grant.map(g -> "class 1 shown as owner of device " + deviceId + " (" + g.kind() + " grant)")
                        .orElse("class 1 masked"));
        if (grant.isEmpty()) {
            return CustomerView.maskedOwner(customer);
        }
        List<String> owned = grant.get().kind() == GrantKind.REQUEST ? devices.idsOwnedBy(customerId) : null;
        return CustomerView.full(customer, owned, grant.get().grantId());
    }

    /** Customers of a tier (all when null), by id, each as {@link #get} shows it and audits it. */
    @Transactional
    public List<CustomerView> search(CustomerTier tier, int limit, Caller caller) {
        return customers.search(tier, limit).stream().map(c -> read(c, caller)).toList();
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

    private CustomerView read(Customer customer, Caller caller) {
        Long grantId = grants.validFor(caller.username(), customer.id()).orElse(null);
        audit.record(AuditAction.READ, caller.username(), AuditSubject.CUSTOMER, Long.toString(customer.id()), grantId,
                grantId == null ? "class 1 masked" : "class 1 shown");
        return grantId == null ? CustomerView.masked(customer)
                : CustomerView.full(customer, devices.idsOwnedBy(customer.id()), grantId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
