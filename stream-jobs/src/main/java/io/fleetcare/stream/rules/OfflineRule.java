package io.fleetcare.stream.rules;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A device is offline when nothing at all has been heard from it for {@link #missedIntervals()}
 * times its {@link #expectedInterval()} (telemetry, heartbeats, statuses, events all count).
 *
 * @param id               unique rule id; never null
 * @param description      what the rule watches, for people; never null (may be empty)
 * @param scope            the devices the rule watches; never null
 * @param expectedInterval how often the device sends something when healthy; positive
 * @param missedIntervals  how many intervals may pass in silence before the device counts as offline; at least 1
 * @param severity         severity of the offline alert; never null
 */
public record OfflineRule(
        String id,
        String description,
        DeviceScope scope,
        Duration expectedInterval,
        int missedIntervals,
        Severity severity) implements HealthRule {

    /**
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when the interval is not positive or fewer than 1 interval may be missed
     */
    public OfflineRule {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expectedInterval, "expectedInterval");
        Objects.requireNonNull(severity, "severity");
        if (expectedInterval.isZero() || expectedInterval.isNegative()) {
            throw new IllegalArgumentException(id + ": 'expectedInterval' must be positive");
        }
        if (missedIntervals < 1) {
            throw new IllegalArgumentException(id + ": 'missedIntervals' must be at least 1");
        }
    }

    /** How long the device may stay silent before it counts as offline. */
    public Duration allowedSilence() {
        return expectedInterval.multipliedBy(missedIntervals);
    }

    /** Whether the rule watches devices of this type and model ({@code model} may be null). */
    public boolean appliesTo(DeviceType type, String model) {
        return scope.covers(type, model);
    }

    /** The entry of an offline rule under {@code offline} in the rules file. */
    record Entry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            String expectedInterval,
            Integer missedIntervals,
            String severity) implements HealthRule.Entry<OfflineRule> {

        @Override
        public OfflineRule toRule(EntryCheck check) {
            check.requireId(id);
            DeviceType type = check.fieldDeviceType(deviceType);
            check.models(models);
            Duration interval = check.duration(expectedInterval, "expectedInterval", false);
            if (missedIntervals == null || missedIntervals < 1) {
                check.problem("'missedIntervals' is required and must be at least 1");
            }
            Severity severity = check.severity(this.severity, "severity");
            if (check.failed()) {
                return null;
            }
            return new OfflineRule(id, description, EntryCheck.scope(type, models), interval, missedIntervals,
                    severity);
        }
    }
}
