package io.fleetcare.gateway.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How far a device's clock may be off before the receive time becomes the event time ({@code fleetcare.clock.*}). */
@ConfigMapping(prefix = "fleetcare.clock")
public interface ClockSettings {

    /** Largest accepted difference between a reported timestamp and the receive time, either way; positive. */
    @WithDefault("PT5M")
    Duration tolerance();
}
