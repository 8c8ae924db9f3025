package io.fleetcare.api.repair;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A part replaced during a visit: what, which serial, how many and why (seed 004 §3.4.2 E b). */
@Embeddable
public class ReplacedPart {

    @Column(name = "part", nullable = false, updatable = false)
    private String part;

    @Column(name = "serial", updatable = false)
    private String serial;

    @Column(name = "quantity", nullable = false, updatable = false)
    private int quantity;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    @Column(name = "component_id", updatable = false)
    private Long componentId;

    protected ReplacedPart() {
    }

    /**
     * @param part        never null
     * @param serial      may be null
     * @param quantity    1-10000
     * @param reason      never null
     * @param componentId the device component the part belongs to; may be null
     */
    public ReplacedPart(String part, String serial, int quantity, String reason, Long componentId) {
        this.part = part;
        this.serial = serial;
        this.quantity = quantity;
        this.reason = reason;
        this.componentId = componentId;
    }

    public String part() {
        return part;
    }

    public String serial() {
        return serial;
    }

    public int quantity() {
        return quantity;
    }

    public String reason() {
        return reason;
    }

    public Long componentId() {
        return componentId;
    }
}
