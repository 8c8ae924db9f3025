package io.fleetcare.api.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fleetcare.api.archive.ClassOneMask;
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
 * @param siteAddress   {@code ***} when the site is a private customer's home and the caller holds no grant
 * @param commissioning null while no report was filed
 * @param customerId    the owner in the customer archive (class 1: what the customer bought); null for a unit of
 *                      no customer and when withheld
 * @param latestState   null when the telemetry store knows nothing of the device (or is not reachable)
 * @param classOneWithheld whether owner, home site or the acceptance's name are masked for this caller
 * @param grantId       the access grant under which they are shown; null when withheld or there is no owner
 */
public record DeviceView(String deviceId, DeviceType deviceType, String model, String serial, String firmware,
        String siteAddress, LocalDate producedOn, LocalDate soldOn, LocalDate installedOn, LocalDate warrantyStart,
        Commissioning commissioning, Long customerId, String registeredBy, Instant registeredAt,
        List<Component> components, LatestDeviceState latestState, boolean classOneWithheld,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long grantId) {

    /**
     * The installation and commissioning report with the customer's acceptance.
     *
     * @param acceptedBy the name of the customer's person (class 1): masked ({@code Z***}) when withheld
     */
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

    /** @param access what the caller may see of the owner; never null */
    static DeviceView of(Device d, LatestDeviceState latestState, OwnerAccess access) {
        return of(d, latestState, access, d.customerId() != null && access.grantId() == null);
    }

    /** The answer to a registration: what the caller has just typed. */
    static DeviceView echo(Device d) {
        return of(d, null, OwnerAccess.NO_OWNER, false);
    }

    private static DeviceView of(Device d, LatestDeviceState latestState, OwnerAccess access, boolean withheld) {
        Commissioning commissioning = d.commissionedOn() == null ? null
                : new Commissioning(d.commissionedOn(), d.commissioningReport(),
                        withheld ? ClassOneMask.name(d.commissioningAcceptedBy()) : d.commissioningAcceptedBy());
        String site = withheld && access.homeSite() ? ClassOneMask.text(d.siteAddress()) : d.siteAddress();
        return new DeviceView(d.id(), d.deviceType(), d.model(), d.serial(), d.firmware(), site,
                d.producedOn(), d.soldOn(), d.installedOn(), d.warrantyStart(), commissioning,
                withheld ? null : d.customerId(), d.registeredBy(),
                d.registeredAt(), d.components().stream().map(DeviceView::componentOf).toList(), latestState,
                withheld, access.grantId());
    }
}
