package io.fleetcare.api.device;

import io.fleetcare.events.DeviceType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registered device as clients see it ({@code GET /api/devices/{deviceId}}). The field names are part of the API.
 *
 * @param firmware      may be null
 * @param soldOn        null when no sale is proven
 * @param installedOn   may be null
 * @param warrantyStart the sale date, else the production date
 * @param commissioning null while no report was filed
 * @param customerId    the owner in the customer archive; null for a unit of no customer
 * @param latestState   null when the telemetry store knows nothing of the device (or is not reachable)
 */
public record DeviceView(String deviceId, DeviceType deviceType, String model, String serial, String firmware,
        String siteAddress, LocalDate producedOn, LocalDate soldOn, LocalDate installedOn, LocalDate warrantyStart,
        Commissioning commissioning, Long customerId, String registeredBy, Instant registeredAt,
        List<Component> components, LatestDeviceState latestState) {

    /** The installation and commissioning report with the customer's acceptance. */
    public record Commissioning(LocalDate on, String report, String acceptedBy) {
    }

    /**
     * A component and its warranty terms.
     *
     * @param serial               may be null
     * @param warrantyUntil        the last day in warranty, inclusive (as {@code serviceContractUntil})
     * @param serviceContractUntil null when no service agreement covers it
     */
    public record Component(long componentId, String name, String serial, int warrantyMonths, LocalDate warrantyUntil,
            LocalDate serviceContractUntil) {
    }

    static Component componentOf(DeviceComponent c) {
        return new Component(c.id(), c.name(), c.serial(), c.warrantyMonths(), c.warranty().lastDay(),
                c.serviceContractUntil());
    }

    static DeviceView of(Device d, LatestDeviceState latestState) {
        Commissioning commissioning = d.commissionedOn() == null ? null
                : new Commissioning(d.commissionedOn(), d.commissioningReport(), d.commissioningAcceptedBy());
        return new DeviceView(d.id(), d.deviceType(), d.model(), d.serial(), d.firmware(), d.siteAddress(),
                d.producedOn(), d.soldOn(), d.installedOn(), d.warrantyStart(), commissioning, d.customerId(),
                d.registeredBy(),
                d.registeredAt(), d.components().stream().map(DeviceView::componentOf).toList(), latestState);
    }
}
