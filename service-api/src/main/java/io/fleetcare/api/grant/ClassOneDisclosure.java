package io.fleetcare.api.grant;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.audit.AuditAction;
import io.fleetcare.api.audit.AuditSubject;
import io.fleetcare.api.audit.AuditTrail;
import io.fleetcare.api.device.Device;
import io.fleetcare.api.device.OwnerAccess;
import io.fleetcare.api.device.OwnerDisclosure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The class-1 rule for devices: a device's owner, a private customer's home as its site and the name of who accepted
 * the installation are shown only under a grant in force for the owner — requested and approved, or implied by the
 * caller's assignment to an open case of that device — and every such read is audited with the grant. A site of an
 * organisation (BUSINESS customer) or of nobody is operational and shown to every reader of the registry.
 */
@ApplicationScoped
public class ClassOneDisclosure implements OwnerDisclosure {

    @Inject
    AccessGrants grants;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager entityManager;

    @Override
    public Map<String, OwnerAccess> decide(List<Device> devices, Caller caller) {
        Map<String, OwnerAccess> access = new HashMap<>();
        List<Long> owners = devices.stream().map(Device::customerId).filter(Objects::nonNull).distinct().toList();
        if (owners.isEmpty()) {
            devices.forEach(d -> access.put(d.id(), OwnerAccess.NO_OWNER));
            return access;
        }
        Map<Long, String> kinds = kindsOf(owners);
        List<GrantInForce> held = grants.inForce(caller.username());
        for (Device device : devices) {
            if (device.customerId() == null) {
                access.put(device.id(), OwnerAccess.NO_OWNER);
                continue;
            }
            boolean home = !"BUSINESS".equals(kinds.get(device.customerId()));
            Optional<GrantInForce> grant = AccessGrants.covering(held, device.customerId(), device.id());
            grant.ifPresent(g -> audit.record(AuditAction.READ, caller.username(), AuditSubject.CUSTOMER,
                    Long.toString(device.customerId()), g.grantId(), "owner of device " + device.id()
                            + (home ? ", home site" : "") + " shown (" + g.kind() + " grant)"));
            access.put(device.id(), new OwnerAccess(home, grant.map(GrantInForce::grantId).orElse(null)));
        }
        return access;
    }

    private Map<Long, String> kindsOf(List<Long> customerIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, kind FROM customer WHERE id IN (?1)")
                .setParameter(1, customerIds).getResultList();
        Map<Long, String> kinds = new HashMap<>();
        rows.forEach(r -> kinds.put(((Number) r[0]).longValue(), (String) r[1]));
        return kinds;
    }
}
