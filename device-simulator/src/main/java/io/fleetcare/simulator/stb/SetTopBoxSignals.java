package io.fleetcare.simulator.stb;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The physical signals of one simulated set-top box: CPU load wanders, CPU temperature follows
 * load and the room, free memory, tuner SNR and BER carry noise. Deterministic for a given seed
 * and sequence of uptimes. Not thread-safe: one instance per device.
 */
public final class SetTopBoxSignals {

    private static final double ROOM_C = 24.0;

    private final Random random;
    private final Overheating overheating;
    private double cpuPct;

    /**
     * @param seed        fixes the noise
     * @param overheating the fault this box develops; null for a healthy box
     */
    public SetTopBoxSignals(long seed, Overheating overheating) {
        this.random = new Random(seed);
        this.overheating = overheating;
        this.cpuPct = 25 + random.nextDouble() * 20;
    }

    /** The next set of readings at the given uptime, by contract metric name. */
    public Map<String, Double> sample(Duration uptime) {
        cpuPct = clamp(cpuPct + random.nextGaussian() * 4, 5, 95);
        double healthyC = ROOM_C + 28 + cpuPct * 0.15 + random.nextGaussian() * 0.6;
        double cpuTempC = healthyC + (overheating == null ? 0 : overheating.extraDegrees(uptime, healthyC));
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("cpu_temp_c", round1(cpuTempC));
        metrics.put("cpu_pct", round1(cpuPct));
        metrics.put("mem_free_mb", (double) Math.round(210 + random.nextGaussian() * 6));
        metrics.put("tuner_snr_db", round1(31 + random.nextGaussian() * 0.5));
        metrics.put("tuner_ber", 1e-7 * (1 + Math.abs(random.nextGaussian())));
        metrics.put("uptime_s", (double) uptime.toSeconds());
        return metrics;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
