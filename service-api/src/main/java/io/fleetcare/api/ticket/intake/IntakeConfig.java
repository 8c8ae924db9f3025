package io.fleetcare.api.ticket.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;

/** How the service takes in maintenance requests, {@code fleetcare.intake.*}. */
@ConfigMapping(prefix = "fleetcare.intake")
public interface IntakeConfig {

    /**
     * The pauses between attempts to store a request while the database fails; one attempt more than
     * pauses. After the last attempt the record is not acknowledged and the channel stops.
     */
    @WithDefault("PT1S,PT2S,PT4S,PT8S")
    @NotEmpty
    List<Duration> retryDelays();
}
