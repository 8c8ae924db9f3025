package io.fleetcare.api.command;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Remote diagnostics, {@code fleetcare.commands.*}. */
@ConfigMapping(prefix = "fleetcare.commands")
public interface CommandConfig {

    /** Seconds the gateway waits for a final answer when the request names none. */
    @WithDefault("60")
    @Min(1)
    @Max(3600)
    int defaultTimeoutSeconds();
}
