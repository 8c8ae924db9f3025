package io.fleetcare.api.device;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/devices}. The device type is checked by the resource so that a wrong one is
 * answered with the values allowed.
 *
 * @param deviceId      letters, digits and {@code . _ : -}, at most 64 (the id towards the gateway)
 * @param deviceType    EV_CHARGER, SET_TOP_BOX or ENERGY_METER
 * @param firmware      optional
 * @param soldOn        optional: the proven sale date (ISO date)
 * @param installedOn   optional
 * @param commissioning optional: the installation and commissioning report
 * @param components    optional: parts with their own warranty
 * @param customerId    optional: the owner in the customer archive
 */
public record DeviceRegistrationRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}") String deviceId,
        @NotBlank String deviceType,
        @NotBlank @Size(max = 100) String model,
        @NotBlank @Size(max = 100) String serial,
        @Size(max = 100) String firmware,
        @NotBlank @Size(max = 500) String siteAddress,
        @NotNull LocalDate producedOn,
        LocalDate soldOn,
        LocalDate installedOn,
        @Valid CommissioningRequest commissioning,
        @Size(max = 50) List<@NotNull @Valid ComponentRequest> components,
        @Positive Long customerId) {

    /** The installation and commissioning report, accepted and signed by the customer (seed 001 §3.3). */
    public record CommissioningRequest(
            @NotNull LocalDate on,
            @NotBlank @Size(max = 4000) String report,
            @NotBlank @Size(max = 200) String acceptedBy) {
    }
}
