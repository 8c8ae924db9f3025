package io.fleetcare.api.device;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Components of registered devices. */
@ApplicationScoped
public class DeviceComponentRepository implements PanacheRepositoryBase<DeviceComponent, Long> {
}
