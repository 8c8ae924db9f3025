package io.fleetcare.api.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** Settings of the notifications, {@code fleetcare.notify.*}; README "Notifications". */
@ConfigMapping(prefix = "fleetcare.notify")
public interface NotifyConfig {

    /** The shortest delay of a level after level 1, and the shortest repeat interval. */
    @WithDefault("PT1M")
    Duration minimumDelay();

    /**
     * The waits between attempts of a failing webhook or e-mail; after the last one fails the delivery goes to the
     * dead-letter list. Four waits: five attempts.
     */
    @WithDefault("PT30S,PT2M,PT10M,PT1H")
    List<Duration> retryDelays();

    /** Fault codes that are critical safety faults: every level of a matching rule is told at once. */
    @WithDefault("GroundFailure,OverCurrentFailure,OverVoltage")
    Set<String> safetyFaults();

    /** The zone of quiet hours. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** The sender of the e-mails. */
    @WithDefault("fleetcare@localhost")
    String from();

    /** How long a webhook call may take. */
    @WithDefault("PT10S")
    Duration webhookTimeout();

    /** How often the rules are evaluated and due deliveries sent ({@code off} to stop it, as the tests do). */
    @WithDefault("30s")
    String every();
}
