package io.fleetcare.simulator.charger;

import java.time.Duration;
import java.util.Random;

/**
 * The physical signals of one simulated three-phase AC charger: the vehicle draws about 11 kW while
 * charging (tapering a little, with noise), the energy register integrates that power and never goes back,
 * the voltage wanders around 230 V, and the connector temperature follows load and ambient with a thermal
 * lag. A {@link ConnectorOverheating} adds heat that builds up while charging. Deterministic for a given
 * seed and sequence of calls. Not thread-safe: one instance per charger.
 */
public final class ChargerSignals {

    private static final double THERMAL_TIME_CONSTANT_S = 20.0;
    private static final double LOAD_HEATING_C = 22.0;
    /** Below this current per phase a vehicle does not charge. */
    public static final double MIN_CHARGING_CURRENT_A = 6.0;

    private final Random random;
    private final ConnectorOverheating overheating;
    private final double ambientC;
    private final double ratedPowerW;
    private double energyWh;
    private double temperatureC;
    private double faultHeatC;
    private Duration last;

    /**
     * @param seed           fixes the noise, the ambient temperature and the starting register
     * @param overheating    the fault this charger develops; null for a healthy one
     */
    public ChargerSignals(long seed, ConnectorOverheating overheating) {
        this(seed, overheating, ChargerSpec.DEFAULT_RATED_POWER_W);
    }

    /**
     * @param seed        fixes the noise, the ambient temperature and the starting register
     * @param overheating the fault this charger develops; null for a healthy one
     * @param ratedPowerW what the vehicle draws at full load, in W; positive
     */
    public ChargerSignals(long seed, ConnectorOverheating overheating, double ratedPowerW) {
        this.ratedPowerW = ratedPowerW;
        this.random = new Random(seed);
        this.overheating = overheating;
        this.ambientC = 12 + random.nextDouble() * 14;
        this.energyWh = Math.floor(random.nextDouble() * 2_000_000);
        this.temperatureC = ambientC;
    }

    /**
     * Advances the signals to {@code sinceStart} and reads them.
     *
     * @param sinceStart time since the charger started; calls with an earlier time than the last one only
     *                   read, they advance nothing
     * @param charging   whether a vehicle draws power on the connector
     */
    public ChargerReading sample(Duration sinceStart, boolean charging) {
        return sample(sinceStart, charging, Double.POSITIVE_INFINITY);
    }

    /**
     * Like {@link #sample(Duration, boolean)} with the charger limiting the current per phase to
     * {@code currentLimitA} (a site controller's setpoint): the vehicle draws at most 3 x voltage x limit, and
     * pauses below {@link #MIN_CHARGING_CURRENT_A} (IEC 61851: no charging below 6 A).
     */
    public ChargerReading sample(Duration sinceStart, boolean charging, double currentLimitA) {
        double dt = last == null ? 0 : Math.max(0, (sinceStart.toMillis() - last.toMillis()) / 1000.0);
        if (last == null || sinceStart.compareTo(last) > 0) {
            last = sinceStart;
        }
        double voltage = 230 + random.nextGaussian() * 1.5;
        double drawn = charging ? Math.max(0, ratedPowerW * (0.93 + random.nextGaussian() * 0.02)) : 0;
        double power = currentLimitA < MIN_CHARGING_CURRENT_A ? 0 : Math.min(drawn, 3 * voltage * currentLimitA);
        energyWh += power * dt / 3600.0;
        double load = power / ratedPowerW;
        double target = ambientC + LOAD_HEATING_C * load;
        temperatureC += (target - temperatureC) * (1 - Math.exp(-dt / THERMAL_TIME_CONSTANT_S));
        if (overheating != null && sinceStart.compareTo(overheating.startsAfter()) >= 0) {
            if (charging) {
                faultHeatC += overheating.degreesPerSecond() * dt;
            } else {
                faultHeatC *= Math.exp(-dt / (THERMAL_TIME_CONSTANT_S * 6));
            }
            faultHeatC = Math.min(faultHeatC, Math.max(0, overheating.plateauC() - temperatureC));
        }
        double noise = random.nextGaussian() * 0.2;
        return new ChargerReading(
                Math.floor(energyWh),
                Math.round(power * 10) / 10.0,
                Math.round(power / (3 * voltage) * 100) / 100.0,
                Math.round(voltage * 10) / 10.0,
                Math.round((temperatureC + faultHeatC + noise) * 10) / 10.0);
    }
}
