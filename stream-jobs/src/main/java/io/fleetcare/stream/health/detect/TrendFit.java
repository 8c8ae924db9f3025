package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Evidence;
import io.fleetcare.stream.rules.TrendRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A least-squares line through readings (value against device time) and where it meets a limit.
 *
 * @param slopePerHour change of the fitted value per hour
 * @param r2           coefficient of determination of the fit; 0 when the readings do not vary
 * @param crossing     device time at which the line reaches the limit; null when it never does
 *                     (flat line or moving away from the limit)
 */
record TrendFit(double slopePerHour, double r2, Instant crossing) {

    /** Fits the readings (at least two, distinct times) and finds where the line meets the rule's limit. */
    static TrendFit of(List<Evidence> readings, TrendRule rule) {
        Instant origin = readings.get(0).ts();
        int n = readings.size();
        double meanX = 0;
        double meanY = 0;
        for (Evidence r : readings) {
            meanX += hoursSince(origin, r.ts());
            meanY += r.value();
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (Evidence r : readings) {
            double dx = hoursSince(origin, r.ts()) - meanX;
            double dy = r.value() - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double intercept = meanY - slope * meanX;
        double r2 = syy == 0 || sxx == 0 ? 0 : (sxy * sxy) / (sxx * syy);
        boolean towardsLimit = rule.direction() == TrendRule.Direction.FALLING ? slope < 0 : slope > 0;
        Instant crossing = null;
        if (towardsLimit) {
            double hours = (rule.limit() - intercept) / slope;
            crossing = origin.plus(Duration.ofMillis(Math.round(hours * 3_600_000d)));
        }
        return new TrendFit(slope, r2, crossing);
    }

    /** Whether the line meets the limit no later than {@code horizon} after {@code newest}. */
    boolean crossesWithin(Instant newest, Duration horizon) {
        return crossing != null && !crossing.isAfter(newest.plus(horizon));
    }

    private static double hoursSince(Instant origin, Instant ts) {
        return Duration.between(origin, ts).toMillis() / 3_600_000d;
    }
}
