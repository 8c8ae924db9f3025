package io.fleetcare.api.part;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/parts}.
 *
 * @param spec     the spec or model, e.g. "DC-60 / 30 kW"
 * @param abcClass A, B or C
 */
public record PartRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String spec,
        @NotBlank String abcClass) {
}
