package io.fleetcare.api.site;

import io.fleetcare.events.Severity;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Site correlation, {@code fleetcare.sites.*} (service-api README "Site correlation"). */
@ConfigMapping(prefix = "fleetcare.sites")
public interface SiteCorrelationConfig {

    /** Fewest offline devices that make a site outage, whatever the site's size. */
    @WithDefault("10")
    @Min(2)
    int minDevices();

    /** Share of a site's devices that must be offline as well (0.5: half of them). */
    @WithDefault("0.5")
    @DecimalMin("0")
    @DecimalMax("1")
    double minShare();

    /**
     * How close together (by the alerts' raise time) the devices must go offline, and how long a site must have
     * no new offline alert before its held alerts are judged alone.
     */
    @WithDefault("PT2M")
    Duration window();

    /** The alert rules that mean "device offline" (the stream job's offline rules). */
    @WithDefault("stb.offline,charger.offline")
    @NotEmpty
    List<String> offlineRules();

    /** The severities of an offline alert, judged alone, that get a ticket of their own. */
    @WithDefault("CRITICAL,MAJOR")
    Set<Severity> ownTicketFor();

    /** Severity of a site's alert and ticket. */
    @WithDefault("MAJOR")
    Severity siteSeverity();

    /** How often held alerts are looked at again (they are released at most this late after their window). */
    @WithDefault("PT1S")
    Duration sweepEvery();

    default SiteOutageRule rule() {
        return new SiteOutageRule(minDevices(), minShare(), window());
    }
}
