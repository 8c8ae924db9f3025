package io.fleetcare.api.device;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A component with its own warranty period (seed 004 §4), in a device registration or
 * {@code POST /api/devices/{deviceId}/components}.
 *
 * @param name                 unique within the device, e.g. "charging module"
 * @param serial               optional
 * @param warrantyMonths       0-600
 * @param serviceContractUntil optional: last day of a service agreement on the component (ISO date)
 */
public record ComponentRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String serial,
        @NotNull @Min(0) @Max(600) Integer warrantyMonths,
        LocalDate serviceContractUntil) {

    DeviceRegistration.Component toComponent() {
        return new DeviceRegistration.Component(name.strip(), serial == null || serial.isBlank() ? null : serial.strip(),
                warrantyMonths, serviceContractUntil);
    }
}
