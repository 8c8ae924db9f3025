package io.fleetcare.stream.rules;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * "Metric beyond a limit for a sustained period" with hysteresis: an episode raises when every
 * reading of {@link #metric()} for at least {@link #sustainFor()} is beyond {@link #raiseLimit()},
 * and a raised alert clears only when a reading reaches {@link #clearLimit()}, which lies on the
 * healthy side of the raise limit so that readings between the two do not make the alert flap.
 *
 * @param id          unique rule id, e.g. {@code stb.cpu-overheat}; never null
 * @param description what the rule watches, for people; never null (may be empty)
 * @param deviceType  the only device type the rule applies to; never null
 * @param models      the models the rule applies to; empty means every model of the type; never null
 * @param metric      exact metric name as in {@code DeviceEvent.metrics}; never null
 * @param direction   on which side of the limits the unhealthy values lie; never null
 * @param raiseLimit  readings strictly beyond it (above for {@link Direction#ABOVE}) breach
 * @param clearLimit  readings at it or on the healthy side of it clear a raised alert
 * @param sustainFor  how long (device time) the metric must stay in breach; zero raises at once; never null
 * @param severity    severity of the alert and the maintenance request; never null
 */
public record ThresholdRule(
        String id,
        String description,
        DeviceType deviceType,
        Set<String> models,
        String metric,
        Direction direction,
        double raiseLimit,
        double clearLimit,
        Duration sustainFor,
        Severity severity) implements HealthRule {

    /** On which side of the limits a metric is unhealthy. */
    public enum Direction {
        /** Too high is unhealthy: breach above the raise limit, clear at or below the clear limit. */
        ABOVE,
        /** Too low is unhealthy: breach below the raise limit, clear at or above the clear limit. */
        BELOW
    }

    /**
     * @throws NullPointerException     when a required component is null
     * @throws IllegalArgumentException when the limits are not finite, the clear limit is on the
     *                                  unhealthy side of the raise limit, or the duration is negative
     */
    public ThresholdRule {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        Objects.requireNonNull(deviceType, "deviceType");
        models = models == null ? Set.of() : Set.copyOf(models);
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(sustainFor, "sustainFor");
        Objects.requireNonNull(severity, "severity");
        if (!Double.isFinite(raiseLimit) || !Double.isFinite(clearLimit)) {
            throw new IllegalArgumentException(id + ": limits must be finite numbers");
        }
        if (direction == Direction.ABOVE ? clearLimit > raiseLimit : clearLimit < raiseLimit) {
            throw new IllegalArgumentException(id + ": the clear limit " + number(clearLimit)
                    + " must not lie beyond the raise limit " + number(raiseLimit));
        }
        if (sustainFor.isNegative()) {
            throw new IllegalArgumentException(id + ": sustainFor must not be negative");
        }
    }

    /** Whether the rule watches devices of this type and model ({@code model} may be null). */
    public boolean appliesTo(DeviceType type, String model) {
        return deviceType == type && (models.isEmpty() || models.contains(model));
    }

    /** Whether a reading is in breach of the raise limit. */
    public boolean breaches(double value) {
        return direction == Direction.ABOVE ? value > raiseLimit : value < raiseLimit;
    }

    /** Whether a reading is back at or beyond the clear limit on the healthy side. */
    public boolean clears(double value) {
        return direction == Direction.ABOVE ? value <= clearLimit : value >= clearLimit;
    }

    /** The raising condition for people, e.g. {@code cpu_temp_c above 85 for at least 60 s}. */
    public String raiseCondition() {
        return metric + (direction == Direction.ABOVE ? " above " : " below ") + number(raiseLimit)
                + " for at least " + duration(sustainFor);
    }

    /** The clearing condition for people, e.g. {@code cpu_temp_c at or below 80}. */
    public String clearCondition() {
        return metric + (direction == Direction.ABOVE ? " at or below " : " at or above ") + number(clearLimit);
    }

    /** A reading as people write it: {@code 85}, {@code 91.5}. */
    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A duration as people write it: {@code 60 s}, {@code 5 min}, {@code 24 h}. */
    public static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + " ms";
        }
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds != 0 && seconds % 60 == 0 && seconds >= 120) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    /** The entry of a threshold rule under {@code thresholds} in the rules file. */
    record Entry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            String metric,
            Double raiseAbove,
            Double raiseBelow,
            Double clearAtOrBelow,
            Double clearAtOrAbove,
            String sustainFor,
            String severity) implements HealthRule.Entry<ThresholdRule> {

        @Override
        public ThresholdRule toRule(EntryCheck check) {
            check.requireId(id);
            check.requireText(metric, "metric");
            DeviceType type = check.fieldDeviceType(deviceType);
            Severity severity = check.severity(this.severity, "severity");
            Duration sustainFor = check.duration(this.sustainFor, "sustainFor", true);
            check.models(models);

            Direction direction = null;
            Double raise = null;
            Double clear = null;
            if ((raiseAbove == null) == (raiseBelow == null)) {
                check.problem("give exactly one of 'raiseAbove' and 'raiseBelow'");
            } else if (raiseAbove != null) {
                direction = Direction.ABOVE;
                raise = raiseAbove;
                clear = clearAtOrBelow;
                if (clear == null || clearAtOrAbove != null) {
                    check.problem("a 'raiseAbove' rule needs 'clearAtOrBelow' (and no 'clearAtOrAbove')");
                }
            } else {
                direction = Direction.BELOW;
                raise = raiseBelow;
                clear = clearAtOrAbove;
                if (clear == null || clearAtOrBelow != null) {
                    check.problem("a 'raiseBelow' rule needs 'clearAtOrAbove' (and no 'clearAtOrBelow')");
                }
            }
            if (check.failed()) {
                return null;
            }
            try {
                return new ThresholdRule(id, description, type, models == null ? Set.of() : Set.copyOf(models),
                        metric, direction, raise, clear, sustainFor, severity);
            } catch (IllegalArgumentException e) {
                check.rejected(e);
                return null;
            }
        }
    }
}
