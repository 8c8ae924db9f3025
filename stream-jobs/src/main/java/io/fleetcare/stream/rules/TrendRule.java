package io.fleetcare.stream.rules;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A metric drifting towards a limit: a least-squares line fitted over the readings of the last
 * {@link #window()} of device time predicts when the metric reaches {@link #limit()}; a prediction
 * within {@link #horizon()} of the newest reading, from at least {@link #minPoints()} readings and a
 * fit of at least {@link #minR2()}, raises a warning and opens a preventive maintenance request.
 *
 * @param id          unique rule id; never null
 * @param description what the drift means, for people; never null (may be empty)
 * @param scope       the devices the rule watches; never null
 * @param metric      the metric fitted, e.g. {@code mem_free_mb}; never null or blank
 * @param direction   whether the metric falls towards the limit or rises towards it; never null
 * @param limit       the value whose crossing is predicted
 * @param window      how much device time the fit covers; positive
 * @param horizon     how far ahead of the newest reading a crossing raises; positive
 * @param minPoints   the fewest readings a fit needs; at least 3
 * @param minR2       the least coefficient of determination a fit needs to raise; in [0, 1]
 * @param severity    severity of the alert and request; never null
 * @param minSpan     how much device time the fitted readings must cover before a crossing raises, so
 *                    that a short burst (a connector warming up as a session starts) is not
 *                    extrapolated far ahead; zero or positive, at most {@code window}; never null
 */
public record TrendRule(
        String id,
        String description,
        DeviceScope scope,
        String metric,
        Direction direction,
        double limit,
        Duration window,
        Duration horizon,
        int minPoints,
        double minR2,
        Severity severity,
        Duration minSpan) implements HealthRule {

    /** Which way the metric moves towards its limit. */
    public enum Direction { FALLING, RISING }

    /** The fewest readings a fit needs when an entry gives no {@code minPoints}. */
    public static final int DEFAULT_MIN_POINTS = 10;
    /** The least coefficient of determination when an entry gives no {@code minR2}. */
    public static final double DEFAULT_MIN_R2 = 0.8;

    /**
     * @throws NullPointerException     when a required component is null
     * @throws IllegalArgumentException when the metric is blank or a number is out of range
     */
    public TrendRule {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(severity, "severity");
        if (metric.isBlank()) {
            throw new IllegalArgumentException(id + ": 'metric' must not be blank");
        }
        if (!Double.isFinite(limit)) {
            throw new IllegalArgumentException(id + ": 'limit' must be a finite number");
        }
        if (window.isZero() || window.isNegative() || horizon.isZero() || horizon.isNegative()) {
            throw new IllegalArgumentException(id + ": 'window' and 'horizon' must be positive");
        }
        if (minPoints < 3) {
            throw new IllegalArgumentException(id + ": 'minPoints' must be at least 3");
        }
        if (!(minR2 >= 0 && minR2 <= 1)) {
            throw new IllegalArgumentException(id + ": 'minR2' must be between 0 and 1");
        }
        Objects.requireNonNull(minSpan, "minSpan");
        if (minSpan.isNegative() || minSpan.compareTo(window) > 0) {
            throw new IllegalArgumentException(id + ": 'minSpan' must be between zero and 'window'");
        }
    }

    /** Whether the rule watches devices of this type and model ({@code model} may be null). */
    public boolean appliesTo(DeviceType type, String model) {
        return scope.covers(type, model);
    }

    /** The prediction for people, e.g. {@code mem_free_mb falling to 20.0 within 48 h}. */
    public String condition() {
        return metric + " " + direction.name().toLowerCase(Locale.ROOT) + " to " + limit
                + " within " + ThresholdRule.duration(horizon);
    }

    /** The entry of a trend rule under {@code trends} in the rules file. */
    record Entry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            String metric,
            String direction,
            Double limit,
            String window,
            String horizon,
            Integer minPoints,
            Double minR2,
            String severity,
            String minSpan) implements HealthRule.Entry<TrendRule> {

        @Override
        public TrendRule toRule(EntryCheck check) {
            check.requireId(id);
            DeviceType type = check.fieldDeviceType(deviceType);
            check.models(models);
            check.requireText(metric, "metric");
            Direction towards = check.enumValue(Direction.class,
                    direction == null ? null : direction.trim().toUpperCase(Locale.ROOT), "direction");
            if (limit == null || !Double.isFinite(limit)) {
                check.problem("'limit' is required and must be a finite number");
            }
            Duration fitted = check.duration(window, "window", false);
            Duration ahead = check.duration(horizon, "horizon", false);
            if (minPoints != null && minPoints < 3) {
                check.problem("'minPoints' must be at least 3");
            }
            if (minR2 != null && !(minR2 >= 0 && minR2 <= 1)) {
                check.problem("'minR2' must be between 0 and 1");
            }
            Severity severity = this.severity == null ? Severity.WARNING : check.severity(this.severity, "severity");
            Duration span = minSpan == null ? Duration.ZERO : check.duration(minSpan, "minSpan", true);
            if (span != null && fitted != null && span.compareTo(fitted) > 0) {
                check.problem("'minSpan' must not exceed 'window'");
            }
            if (check.failed()) {
                return null;
            }
            return new TrendRule(id, description, EntryCheck.scope(type, models), metric.trim(), towards, limit,
                    fitted, ahead, minPoints == null ? DEFAULT_MIN_POINTS : minPoints,
                    minR2 == null ? DEFAULT_MIN_R2 : minR2, severity, span);
        }
    }
}
