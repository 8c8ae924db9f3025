package io.fleetcare.api.device;

import io.fleetcare.events.DeviceType;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit to enter in the registry, checked and typed by the resource.
 *
 * @param deviceId      the id the unit uses towards the gateway; never null
 * @param deviceType    never null
 * @param model         never null
 * @param serial        the maker's serial number; never null, unique per model
 * @param firmware      may be null
 * @param siteAddress   where the unit runs; never null
 * @param producedOn    never null
 * @param soldOn        the proven sale date; null when unknown, and then the warranty runs from production
 * @param installedOn   may be null
 * @param commissioning the installation and commissioning report; null while there is none
 * @param components    the parts with their own warranty; never null, may be empty
 * @param customerId    the customer in the archive who owns the unit; null for none
 */
public record DeviceRegistration(String deviceId, DeviceType deviceType, String model, String serial,
        String firmware, String siteAddress, LocalDate producedOn, LocalDate soldOn, LocalDate installedOn,
        Commissioning commissioning, List<Component> components, Long customerId) {

    /**
     * The installation and commissioning report accepted and signed by the customer (seed 001 §3.3).
     *
     * @param on         never null
     * @param report     what was installed, tested and shown to the customer; never null
     * @param acceptedBy the customer's representative who accepted it; never null
     */
    public record Commissioning(LocalDate on, String report, String acceptedBy) {
    }

    /**
     * A part with its own warranty period (seed 004 §4).
     *
     * @param name                 unique within the unit; never null
     * @param serial               may be null
     * @param warrantyMonths       0-600
     * @param serviceContractUntil last day of a service agreement on the part; null when there is none
     */
    public record Component(String name, String serial, int warrantyMonths, LocalDate serviceContractUntil) {
    }
}
