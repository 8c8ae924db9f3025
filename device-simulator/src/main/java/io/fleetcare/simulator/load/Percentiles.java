package io.fleetcare.simulator.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latencies measured in a load test and their percentiles (nearest rank).
 *
 * @param samples never null; may be empty
 */
public record Percentiles(List<Duration> samples) {

    public Percentiles {
        List<Duration> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        samples = List.copyOf(sorted);
    }

    /**
     * The smallest sample with at least {@code p} percent of the samples at or below it; null without samples.
     *
     * @param p in (0, 100]
     */
    public Duration percentile(double p) {
        if (samples.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * samples.size());
        return samples.get(Math.max(0, Math.min(samples.size(), rank) - 1));
    }

    @Override
    public String toString() {
        if (samples.isEmpty()) {
            return "no samples";
        }
        return "p50 " + millis(percentile(50)) + " ms, p99 " + millis(percentile(99)) + " ms, max "
                + millis(samples.get(samples.size() - 1)) + " ms (" + samples.size() + " samples)";
    }

    private static long millis(Duration d) {
        return d.toMillis();
    }
}
