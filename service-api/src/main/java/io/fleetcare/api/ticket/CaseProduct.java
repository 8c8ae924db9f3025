package io.fleetcare.api.ticket;

import io.fleetcare.api.device.CaseCategory;
import io.fleetcare.api.device.ServiceCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What a ticket's row says of the product it is about, fixed when the case is registered: the registry's serial and
 * owner (or that the registry did not hold it) and the service category the case is billed under.
 */
@Embeddable
public class CaseProduct {

    @Enumerated(EnumType.STRING)
    @Column(name = "service_category", updatable = false)
    private ServiceCategory serviceCategory;

    @Column(name = "service_component_id", updatable = false)
    private Long serviceComponentId;

    @Column(name = "serial", updatable = false)
    private String serial;

    @Column(name = "customer_id", updatable = false)
    private Long customerId;

    @Column(name = "unregistered", nullable = false, updatable = false)
    private boolean unregistered;

    /** Nothing known yet: no serial, owner or category, not marked unregistered. */
    protected CaseProduct() {
    }

    void identify(String serial, Long customerId, boolean unregistered) {
        this.serial = serial;
        this.customerId = customerId;
        this.unregistered = unregistered;
    }

    /** {@code category} never null. */
    void classify(CaseCategory category) {
        serviceCategory = category.category();
        serviceComponentId = category.componentId();
    }

    /** How the case is billed, decided at registration (see {@link CaseCategory}); null when undetermined. */
    public ServiceCategory serviceCategory() {
        return serviceCategory;
    }

    /** The device component the case named; null when it named none. */
    public Long serviceComponentId() {
        return serviceComponentId;
    }

    /** The product's serial: from the registry, or as told for an unregistered product; may be null. */
    public String serial() {
        return serial;
    }

    /** The owning customer in the archive when the case was opened; null when none (class 1: not in the views). */
    public Long customerId() {
        return customerId;
    }

    /** Whether the case is for a product the registry did not hold when the case was opened. */
    public boolean unregistered() {
        return unregistered;
    }
}
