package io.fleetcare.api.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A part of a unit with its own warranty period, billed separately (seed 004 §4). */
@Entity
@Table(name = "device_component")
public class DeviceComponent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "device_id", nullable = false, updatable = false)
    private Device device;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "serial", updatable = false)
    private String serial;

    @Column(name = "warranty_months", nullable = false, updatable = false)
    private int warrantyMonths;

    @Column(name = "service_contract_until")
    private LocalDate serviceContractUntil;

    @Column(name = "added_by", nullable = false, updatable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    protected DeviceComponent() {
    }

    DeviceComponent(Device device, String name, String serial, int warrantyMonths, LocalDate serviceContractUntil,
            String addedBy, Instant addedAt) {
        this.device = device;
        this.name = name;
        this.serial = serial;
        this.warrantyMonths = warrantyMonths;
        this.serviceContractUntil = serviceContractUntil;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    /** The warranty of this component, starting when its unit's warranty starts. */
    public WarrantyTerms warranty() {
        return new WarrantyTerms(device.warrantyStart(), warrantyMonths, serviceContractUntil);
    }

    public Long id() {
        return id;
    }

    /** The id of the unit the component belongs to. */
    public String deviceId() {
        return device.id();
    }

    public String name() {
        return name;
    }

    public String serial() {
        return serial;
    }

    public int warrantyMonths() {
        return warrantyMonths;
    }

    public LocalDate serviceContractUntil() {
        return serviceContractUntil;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant addedAt() {
        return addedAt;
    }
}
