package io.fleetcare.events;

import java.time.Instant;

/**
 * One reading that made a detector decide, carried by alerts and maintenance requests so that a
 * person can see why.
 *
 * @param ts     device time of the reading; never null
 * @param metric the metric or signal name, e.g. {@code cpu_temp_c} or {@code status.errorCode}; never null
 * @param value  numeric value; null for non-numeric evidence
 * @param text   textual value (an error code, a state); null for numeric evidence
 */
public record Evidence(Instant ts, String metric, Double value, String text) {

    public static Evidence reading(Instant ts, String metric, double value) {
        return new Evidence(ts, metric, value, null);
    }

    public static Evidence text(Instant ts, String metric, String text) {
        return new Evidence(ts, metric, null, text);
    }
}
