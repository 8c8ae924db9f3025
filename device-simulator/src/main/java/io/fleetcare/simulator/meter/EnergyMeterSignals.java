package io.fleetcare.simulator.meter;

import java.time.Duration;
import java.util.Random;

/**
 * What a three-phase site energy meter measures: the site's load wanders around a base load (2-8 kW by seed) with
 * a slow swing and noise, the phase voltage around 230 V; the import register integrates the load and never goes
 * back. Deterministic for a given seed and sequence of calls. Not thread-safe: one instance per meter.
 */
public final class EnergyMeterSignals {

    private static final double SWING_PERIOD_S = 600;

    private final Random random;
    private final double baseLoadW;
    private final double phase;
    private double energyWh;
    private Duration last;

    /** @param seed fixes the base load, the swing, the noise and the register's starting value */
    public EnergyMeterSignals(long seed) {
        this.random = new Random(seed);
        this.baseLoadW = 2_000 + random.nextDouble() * 6_000;
        this.phase = random.nextDouble() * 2 * Math.PI;
        this.energyWh = Math.floor(random.nextDouble() * 50_000_000);
    }

    /**
     * Advances to {@code sinceStart} and reads the meter.
     *
     * @param sinceStart time since the meter started; an earlier time than the last call's advances nothing
     */
    public Reading sample(Duration sinceStart) {
        double dt = last == null ? 0 : Math.max(0, (sinceStart.toMillis() - last.toMillis()) / 1000.0);
        if (last == null || sinceStart.compareTo(last) > 0) {
            last = sinceStart;
        }
        double seconds = sinceStart.toMillis() / 1000.0;
        double powerW = Math.max(0, baseLoadW * (1 + 0.3 * Math.sin(2 * Math.PI * seconds / SWING_PERIOD_S + phase))
                + random.nextGaussian() * 150);
        energyWh += powerW * dt / 3600.0;
        double voltageV = 230 + random.nextGaussian() * 1.5;
        return new Reading(Math.floor(energyWh), Math.round(powerW * 10) / 10.0, Math.round(voltageV * 10) / 10.0,
                Math.round(powerW / (3 * voltageV) * 100) / 100.0);
    }

    /**
     * One reading.
     *
     * @param energyWh the import register in whole Wh; never decreases
     * @param powerW   active power the site draws (import positive)
     * @param voltageV phase voltage
     * @param currentA current per phase
     */
    public record Reading(double energyWh, double powerW, double voltageV, double currentA) {
    }
}
