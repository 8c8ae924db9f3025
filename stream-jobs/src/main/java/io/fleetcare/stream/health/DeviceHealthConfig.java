package io.fleetcare.stream.health;

import io.fleetcare.events.DeviceClock;
import io.fleetcare.stream.rules.HealthRules;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Immutable settings of the device-health job.
 *
 * @param rules              the detection rules; never null
 * @param duplicateRetention how long event ids are remembered to drop duplicates; positive
 * @param episodeRetention   how long an open alert episode survives without readings; positive
 * @param evidenceLimit      how many of the most recent readings an alert carries; at least 1
 * @param maxOutOfOrderness  how far device time may run backwards on a partition before
 *                           readings count as late for watermarks; also how long the status fault
 *                           detector remembers a cleared fault to ignore older reports; not negative
 * @param sourceIdleness     after how long without data a source split stops holding back watermarks; positive
 * @param clockTolerance     how far a device's reported time may lie from the gateway's receive time before the
 *                           receive time is the event time ({@link io.fleetcare.events.DeviceClock}); also how far
 *                           beyond the wall clock an event time may move the watermark; positive
 */
public record DeviceHealthConfig(
        HealthRules rules,
        Duration duplicateRetention,
        Duration episodeRetention,
        int evidenceLimit,
        Duration maxOutOfOrderness,
        Duration sourceIdleness,
        Duration clockTolerance) implements Serializable {

    /**
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when a duration or the evidence limit is out of range
     */
    public DeviceHealthConfig {
        Objects.requireNonNull(rules, "rules");
        requirePositive(duplicateRetention, "duplicateRetention");
        requirePositive(episodeRetention, "episodeRetention");
        requirePositive(sourceIdleness, "sourceIdleness");
        requirePositive(clockTolerance, "clockTolerance");
        if (Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness").isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must not be negative");
        }
        if (evidenceLimit < 1) {
            throw new IllegalArgumentException("evidenceLimit must be at least 1");
        }
    }

    /**
     * The given rules with the default settings: duplicates remembered for 1 h, silent episodes
     * kept for 7 days, 20 readings of evidence, 10 s out-of-orderness, 1 min idleness, device clocks trusted
     * within {@link DeviceClock#DEFAULT_TOLERANCE} (5 min).
     */
    public static DeviceHealthConfig of(HealthRules rules) {
        return new DeviceHealthConfig(rules, Duration.ofHours(1), Duration.ofDays(7), 20,
                Duration.ofSeconds(10), Duration.ofMinutes(1), DeviceClock.DEFAULT_TOLERANCE);
    }

    /** These settings with another device clock tolerance; positive. */
    public DeviceHealthConfig withClockTolerance(Duration tolerance) {
        return new DeviceHealthConfig(rules, duplicateRetention, episodeRetention, evidenceLimit, maxOutOfOrderness,
                sourceIdleness, tolerance);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
