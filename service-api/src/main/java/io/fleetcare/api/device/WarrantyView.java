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
     * @param warrantyUntil        the last day in warranty, inclusive (as {@code serviceContractUntil})
     * @param serviceContractUntil the last day of the service agreement, inclusive; null when there is none
     * @param status               NOT_STARTED before the warranty's first day, IN_WARRANTY, EXPIRED
     * @param category             how a service on the component that day is billed; null while NOT_STARTED
     */
    public record ComponentStatus(long componentId, String name, LocalDate warrantyStart, LocalDate warrantyUntil,
            LocalDate serviceContractUntil, WarrantyStatus status, boolean inWarranty, ServiceCategory category) {
    }

    static WarrantyView of(Device device, LocalDate on) {
        return new WarrantyView(device.id(), on, device.components().stream().map(c -> {
            WarrantyTerms terms = c.warranty();
            return new ComponentStatus(c.id(), c.name(), terms.start(), terms.lastDay(),
                    terms.contractUntil(), terms.statusOn(on), terms.inWarrantyOn(on), terms.categoryOn(on));
        }).toList());
    }
}
