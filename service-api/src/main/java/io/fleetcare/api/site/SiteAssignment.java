package io.fleetcare.api.site;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PUT /api/sites/{siteId}/devices}: devices that run at the site (a device at another site moves).
 *
 * @param deviceIds the devices' ids towards the gateway, 1 to 5,000
 */
public record SiteAssignment(
        @NotEmpty @Size(max = 5000)
        List<@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}") String> deviceIds) {
}
