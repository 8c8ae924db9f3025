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
 * @param deviceId   letters, digits and {@code . _ : -}, at most 64; a device of the registry unless
 *                   {@code unregisteredProduct} is true
 * @param deviceType EV_CHARGER, SET_TOP_BOX or ENERGY_METER; optional for a registered device (the registry's; a
 *                   different one is refused), required for an unregistered product
 * @param model      optional for a registered device (the registry's; a different one is refused), required for an
 *                   unregistered product
 * @param problem    the customer's description
 * @param severity   CRITICAL, MAJOR, MINOR or WARNING
 * @param complaint  optional, false when absent: whether the customer complains
 * @param component  optional: the name of the registered device's component the case is about, which decides
 *                   the service category
 * @param unregisteredProduct optional, false when absent: the case is explicitly for a product the registry does not
 *                   hold
 * @param serial     the product's serial as told: required for an unregistered product, else optional and checked
 *                   against the registry
 */
public record TicketRegistrationRequest(
        @NotBlank String channel,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}") String deviceId,
        String deviceType,
        @Size(max = 100) String model,
        @NotBlank @Size(max = 2000) String problem,
        @NotBlank String severity,
        Boolean complaint,
        @Size(max = 100) String component,
        Boolean unregisteredProduct,
        @Size(max = 100) String serial) {
}
