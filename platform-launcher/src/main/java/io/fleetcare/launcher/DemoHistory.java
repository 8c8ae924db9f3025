package io.fleetcare.launcher;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A year of made-up hourly rollups for one demo device, in the shape of the stream job's rollup table
 * ({@code telemetry.reading_hourly}: min, max, sum and count of the readings of a device, metric and hour).
 * Set-top boxes get {@code cpu_temp_c}, {@code cpu_pct} and {@code tuner_snr_db}, chargers {@code power_w},
 * {@code temperature_c} and {@code voltage_v}, with a daily cycle and noise fixed by the seed; the overheating box's
 * CPU temperature climbs over its last 30 days towards the limit, which is where the simulator takes it on.
 *
 * <p>Pure: no I/O; the same arguments give the same rows.
 */
final class DemoHistory {

    /** Readings one hour of a device holds at the demo's telemetry interval of 2 s. */
    static final long READINGS_PER_HOUR = 1_800;
    static final Duration SPAN = Duration.ofDays(365);

    /** One rollup row. */
    record Hour(String deviceId, String metric, Instant bucket, double min, double max, double sum, long count) {
    }

    /** What kind of device the history is for, and whether its story is an overheating one. */
    enum Profile { SET_TOP_BOX, OVERHEATING_SET_TOP_BOX, CHARGER }

    private DemoHistory() {
    }

    /**
     * The rollups of the {@link #SPAN} of full hours before the hour of {@code now} (that hour and later are left to
     * the live pipeline).
     *
     * @param deviceId never null
     * @param profile  never null
     * @param now      never null
     * @param seed     fixes the noise
     */
    static List<Hour> of(String deviceId, Profile profile, Instant now, long seed) {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(profile, "profile");
        Instant end = now.truncatedTo(ChronoUnit.HOURS);
        long hours = SPAN.toHours();
        Random random = new Random(seed ^ deviceId.hashCode());
        List<Hour> rows = new ArrayList<>((int) hours * 3);
        for (long h = hours; h >= 1; h--) {
            Instant bucket = end.minus(Duration.ofHours(h));
            double daily = Math.sin((bucket.getEpochSecond() / 3600 % 24 - 8) / 24.0 * 2 * Math.PI);
            double hoursLeft = h;
            switch (profile) {
                case SET_TOP_BOX, OVERHEATING_SET_TOP_BOX -> {
                    double drift = profile == Profile.OVERHEATING_SET_TOP_BOX && hoursLeft <= 30 * 24
                            ? 14.0 * (1 - hoursLeft / (30 * 24)) : 0;
                    rows.add(hour(deviceId, "cpu_temp_c", bucket, 54 + 3 * daily + drift + random.nextGaussian() * 0.6,
                            1.5, random));
                    rows.add(hour(deviceId, "cpu_pct", bucket, 35 + 15 * daily + random.nextGaussian() * 3, 12, random));
                    rows.add(hour(deviceId, "tuner_snr_db", bucket, 31 + random.nextGaussian() * 0.3, 0.8, random));
                }
                case CHARGER -> {
                    double busy = Math.max(0, daily);
                    rows.add(hour(deviceId, "power_w", bucket, 2_000 + 8_000 * busy + random.nextGaussian() * 300,
                            1_500, random));
                    rows.add(hour(deviceId, "temperature_c", bucket, 28 + 9 * busy + random.nextGaussian() * 0.8,
                            2, random));
                    rows.add(hour(deviceId, "voltage_v", bucket, 230 + random.nextGaussian() * 1.5, 4, random));
                }
            }
        }
        return rows;
    }

    private static Hour hour(String deviceId, String metric, Instant bucket, double mean, double spread,
            Random random) {
        double below = spread * (0.5 + random.nextDouble());
        double above = spread * (0.5 + random.nextDouble());
        double avg = round(mean);
        return new Hour(deviceId, metric, bucket, round(mean - below), round(mean + above), avg * READINGS_PER_HOUR,
                READINGS_PER_HOUR);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
