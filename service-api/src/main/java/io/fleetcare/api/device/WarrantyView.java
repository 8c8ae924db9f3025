package io.fleetcare.api.device;

import java.time.LocalDate;
import java.util.List;

/**
 * The warranty status of every component of a device on one day ({@code GET /api/devices/{deviceId}/warranty}).
 *
 * @param on the day judged
 */
public record WarrantyView(String deviceId, LocalDate on, List<ComponentStatus> components) {

    /**
     * @param warrantyEnd          the first day out of warranty
     * @param serviceContractUntil null when no service agreement covers it
     * @param category             how a service on the component that day is billed
     */
    public record ComponentStatus(long componentId, String name, LocalDate warrantyStart, LocalDate warrantyEnd,
            LocalDate serviceContractUntil, boolean inWarranty, ServiceCategory category) {
    }

    static WarrantyView of(Device device, LocalDate on) {
        return new WarrantyView(device.id(), on, device.components().stream().map(c -> {
            WarrantyTerms terms = c.warranty();
            return new ComponentStatus(c.id(), c.name(), terms.start(), terms.end(), terms.contractUntil(),
                    terms.inWarrantyOn(on), terms.categoryOn(on));
        }).toList());
    }
}
