package io.fleetcare.api.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/customers}. The tier is checked by the resource so that a wrong one is answered
 * with the values allowed.
 *
 * @param tier     A, B or C
 * @param kind     optional: HOME (a private person, the default) or BUSINESS (an organisation)
 * @param address  optional (class 1)
 * @param contacts optional (class 1)
 */
public record CustomerRegistrationRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String tier,
        String kind,
        @Size(max = 500) String address,
        @Size(max = 20) List<@NotNull @Valid ContactRequest> contacts) {
}
