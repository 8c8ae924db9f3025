package io.fleetcare.api.device;

import java.time.LocalDate;
import java.util.List;

/**
 * The service category of a case when it is registered (seed 002 §2.1, seed 004 §4: each component is billed by its
 * own warranty). A case naming a component takes that component's category on the day; a case naming none takes
 * the category all of the device's components share that day; otherwise the category is undetermined (null) and
 * each replaced part is billed on the repair record.
 *
 * @param category      null when undetermined
 * @param componentId   the component named on the case; null when none was named
 * @param componentName the component named on the case; null when none was named
 */
public record CaseCategory(ServiceCategory category, Long componentId, String componentName) {

    /** No category can be told. */
    public static final CaseCategory UNDETERMINED = new CaseCategory(null, null, null);

    /**
     * @param categories the categories of all of a device's components on one day; never null, may be empty
     * @return the one category they share; null when they differ or there are none
     */
    public static ServiceCategory sharedBy(List<ServiceCategory> categories) {
        return categories.stream().distinct().count() == 1 ? categories.get(0) : null;
    }

    static CaseCategory of(Device device, LocalDate day) {
        return new CaseCategory(sharedBy(device.components().stream().map(c -> c.warranty().categoryOn(day)).toList()),
                null, null);
    }

    static CaseCategory of(DeviceComponent component, LocalDate day) {
        return new CaseCategory(component.warranty().categoryOn(day), component.id(), component.name());
    }
}
