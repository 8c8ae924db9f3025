package io.fleetcare.api.device;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Registered devices. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, String> {

    /** Whether another unit of this model carries this serial. */
    public boolean serialTaken(String model, String serial) {
        return count("model = ?1 and serial = ?2", model, serial) > 0;
    }

    /**
     * Whether the customer archive holds this customer. Asked here, in SQL, so that the registry does not
     * depend on the customer feature (which depends on the registry for the devices a customer owns).
     */
    public boolean customerExists(long customerId) {
        return !getEntityManager().createNativeQuery("select 1 from customer where id = ?1")
                .setParameter(1, customerId).getResultList().isEmpty();
    }

    /** The ids of the devices a customer owns, by id. */
    public List<String> idsOwnedBy(long customerId) {
        return getEntityManager()
                .createQuery("select d.id from Device d where d.customerId = ?1 order by d.id", String.class)
                .setParameter(1, customerId).getResultList();
    }

    /** The device with this id, if registered. */
    public Optional<Device> findDevice(String deviceId) {
        return findByIdOptional(deviceId);
    }

    /** Devices matching the filter, by id. */
    public List<Device> search(DeviceFilter filter) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.deviceType() != null) {
            conditions.add("deviceType = :deviceType");
            parameters.and("deviceType", filter.deviceType());
        }
        if (filter.model() != null) {
            conditions.add("model = :model");
            parameters.and("model", filter.model());
        }
        Sort byId = Sort.by("id");
        return (conditions.isEmpty() ? findAll(byId) : find(String.join(" and ", conditions), byId, parameters))
                .page(Page.ofSize(filter.limit()))
                .list();
    }
}
