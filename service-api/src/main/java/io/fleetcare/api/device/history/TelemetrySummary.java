package io.fleetcare.api.device.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Downsampled telemetry of one device, computed from the hourly rollups of the telemetry store
 * ({@code telemetry.reading_hourly_stats}). When the store is not there or cannot be read, {@code available} is
 * false, {@code unavailableReason} says why and every window has empty series.
 *
 * @param available         whether the rollups could be read
 * @param unavailableReason null when available
 * @param zone              the time zone of the daily and weekly buckets
 * @param last24Hours       hourly buckets
 * @param last30Days        daily buckets
 * @param lastYear          weekly buckets (weeks start on Monday)
 */
public record TelemetrySummary(boolean available,
        @JsonInclude(JsonInclude.Include.NON_NULL) String unavailableReason, String zone, Window last24Hours,
        Window last30Days, Window lastYear) {

    /**
     * One time window at one resolution.
     *
     * @param resolution ISO-8601 duration of a bucket: PT1H, P1D or P7D
     * @param from       first instant covered (inclusive)
     * @param to         end of the window (exclusive)
     * @param series     one per metric, by metric name; empty when nothing was measured
     */
    public record Window(String resolution, Instant from, Instant to, List<Series> series) {

        Window withoutSeries() {
            return new Window(resolution, from, to, List.of());
        }
    }

    /** The buckets of one metric, oldest first. */
    public record Series(String metric, List<Point> points) {
    }

    /**
     * One bucket.
     *
     * @param bucket start of the bucket
     * @param avg    mean of every reading in the bucket
     * @param count  number of readings
     */
    public record Point(Instant bucket, double min, double max, double avg, long count) {
    }
}
