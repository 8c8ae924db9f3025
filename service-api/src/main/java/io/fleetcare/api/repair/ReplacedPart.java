package io.fleetcare.api.repair;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A part replaced during a visit: what, which serial, how many and why (seed 004 §3.4.2 E b), and since issue 20
 * the catalog part, the store it came from and the ISSUE movement booked with the record (seed 004 §3.6.2). The
 * catalog fields are null on records filed before then, whose part is free text.
 */
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

    @Column(name = "part_id", updatable = false)
    private Long partId;

    @Column(name = "location", updatable = false)
    private String location;

    @Column(name = "movement_id", updatable = false)
    private Long movementId;

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

    /**
     * A part taken from the catalog and issued from stock for this record.
     *
     * @param part       the catalog name as shown; never null
     * @param partId     the catalog part; never null
     * @param location   the store it was issued from; never null
     * @param movementId the ISSUE movement; never null
     */
    ReplacedPart(String part, String serial, int quantity, String reason, Long componentId, long partId,
            String location, long movementId) {
        this(part, serial, quantity, reason, componentId);
        this.partId = partId;
        this.location = location;
        this.movementId = movementId;
    }

    /** The catalog part; null on records filed before parts came from the catalog. */
    public Long partId() {
        return partId;
    }

    /** The store the part was issued from; null when {@link #partId()} is. */
    public String location() {
        return location;
    }

    /** The ISSUE movement that took the part from stock; null when {@link #partId()} is. */
    public Long movementId() {
        return movementId;
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
