package io.fleetcare.api.customer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** The customer archive. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, Long> {

    /** Customers of one tier (all when null), by id. */
    public List<Customer> search(CustomerTier tier, int limit) {
        return (tier == null ? findAll(Sort.by("id")) : find("tier", Sort.by("id"), tier))
                .page(Page.ofSize(limit)).list();
    }

    /** The tier of the customer who owns the device; empty when the device is not registered or has no owner. */
    public Optional<CustomerTier> tierOfOwner(String deviceId) {
        return getEntityManager()
                .createQuery("select c.tier from Customer c, io.fleetcare.api.device.Device d "
                        + "where d.id = ?1 and d.customerId = c.id", CustomerTier.class)
                .setParameter(1, deviceId)
                .getResultStream().findFirst();
    }
}
