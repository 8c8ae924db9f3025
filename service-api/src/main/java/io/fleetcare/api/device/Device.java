package io.fleetcare.api.device;

import io.fleetcare.api.archive.SealedText;
import io.fleetcare.events.DeviceType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An installed unit in the registry: what it is, where it runs, when its warranty started and how it was
 * commissioned. Never leaves this service as is; clients see a {@link DeviceView}.
 */
@Entity
@Table(name = "device")
public class Device {

    @Id
    @Column(name = "id")
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "device_type", nullable = false, updatable = false)
    private DeviceType deviceType;

    @Column(name = "model", nullable = false, updatable = false)
    private String model;

    @Column(name = "serial", nullable = false, updatable = false)
    private String serial;

    @Column(name = "firmware")
    private String firmware;

    @Convert(converter = SealedText.class)
    @Column(name = "site_address", nullable = false)
    private String siteAddress;

    @Column(name = "produced_on", nullable = false, updatable = false)
    private LocalDate producedOn;

    @Column(name = "sold_on", updatable = false)
    private LocalDate soldOn;

    @Column(name = "installed_on", updatable = false)
    private LocalDate installedOn;

    @Column(name = "commissioned_on", updatable = false)
    private LocalDate commissionedOn;

    @Column(name = "commissioning_report", updatable = false)
    private String commissioningReport;

    @Column(name = "commissioning_accepted_by", updatable = false)
    private String commissioningAcceptedBy;

    @Column(name = "customer_id", updatable = false)
    private Long customerId;

    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false, updatable = false)
    private Instant registeredAt;

    @OneToMany(mappedBy = "device")
    @OrderBy("id ASC")
    private List<DeviceComponent> components = new ArrayList<>();

    protected Device() {
    }

    Device(DeviceRegistration registration, String registeredBy, Instant registeredAt) {
        this.id = registration.deviceId();
        this.deviceType = registration.deviceType();
        this.model = registration.model();
        this.serial = registration.serial();
        this.firmware = registration.firmware();
        this.siteAddress = registration.siteAddress();
        this.producedOn = registration.producedOn();
        this.soldOn = registration.soldOn();
        this.installedOn = registration.installedOn();
        if (registration.commissioning() != null) {
            this.commissionedOn = registration.commissioning().on();
            this.commissioningReport = registration.commissioning().report();
            this.commissioningAcceptedBy = registration.commissioning().acceptedBy();
        }
        this.customerId = registration.customerId();
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    /** The first day of every component's warranty (seed 003: sale date with proof, else production date). */
    public LocalDate warrantyStart() {
        return WarrantyTerms.startOf(producedOn, soldOn);
    }

    public String id() {
        return id;
    }

    public DeviceType deviceType() {
        return deviceType;
    }

    public String model() {
        return model;
    }

    public String serial() {
        return serial;
    }

    public String firmware() {
        return firmware;
    }

    public String siteAddress() {
        return siteAddress;
    }

    public LocalDate producedOn() {
        return producedOn;
    }

    public LocalDate soldOn() {
        return soldOn;
    }

    public LocalDate installedOn() {
        return installedOn;
    }

    public LocalDate commissionedOn() {
        return commissionedOn;
    }

    public String commissioningReport() {
        return commissioningReport;
    }

    public String commissioningAcceptedBy() {
        return commissioningAcceptedBy;
    }

    /** The id of the customer who owns the unit; null for a unit of no customer. */
    public Long customerId() {
        return customerId;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public List<DeviceComponent> components() {
        return Collections.unmodifiableList(components);
    }
}
