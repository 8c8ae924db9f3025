package io.fleetcare.launcher.bench;

import java.util.Arrays;

/**
 * Latencies in microseconds collected while a benchmark window is open, and their percentiles (nearest rank).
 * Thread-safe; holds every sample (8 bytes each).
 */
final class LatencySamples {

    private long[] values = new long[4096];
    private int size;

    synchronized void add(long micros) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = micros;
    }

    synchronized int count() {
        return size;
    }

    /** A sorted copy of what was collected so far. */
    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Summary(sorted);
    }

    /** Percentiles of a sorted set of samples. */
    static final class Summary {

        private final long[] sorted;

        Summary(long[] sorted) {
            this.sorted = sorted;
        }

        int count() {
            return sorted.length;
        }

        /**
         * The smallest sample with at least {@code p} percent of the samples at or below it.
         *
         * @param p in (0, 100]
         * @return microseconds; -1 without samples
         */
        long percentile(double p) {
            if (sorted.length == 0) {
                return -1;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
        }

        long max() {
            return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
        }
    }
}
