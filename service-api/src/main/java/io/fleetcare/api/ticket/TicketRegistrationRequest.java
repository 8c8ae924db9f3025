package io.fleetcare.api.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/tickets}: a case a person took in. Enum values are checked by the resource so
 * that a wrong one is answered with the values allowed.
 *
 * @param channel    PHONE, EMAIL or WEB
 * @param deviceId   letters, digits and {@code . _ : -}, at most 64
 * @param deviceType EV_CHARGER, SET_TOP_BOX or ENERGY_METER
 * @param model      optional
 * @param problem    the customer's description
 * @param severity   CRITICAL, MAJOR, MINOR or WARNING
 * @param complaint  optional, false when absent: whether the customer complains
 * @param component  optional: the name of the registered device's component the case is about, which decides
 *                   the service category
 */
public record TicketRegistrationRequest(
        @NotBlank String channel,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}") String deviceId,
        @NotBlank String deviceType,
        @Size(max = 100) String model,
        @NotBlank @Size(max = 2000) String problem,
        @NotBlank String severity,
        Boolean complaint,
        @Size(max = 100) String component) {
}
