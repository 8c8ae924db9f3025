package io.fleetcare.simulator.charger;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything that makes one simulated charger: who it is, what it says about itself, how it charges and
 * which fault it develops.
 *
 * @param chargePointId       its OCPP identity and HTTP Basic user; never null
 * @param secret              its HTTP Basic password; null to connect without credentials
 * @param vendor              chargePointVendor, at most 20 characters; never null
 * @param model               chargePointModel, at most 20 characters; never null
 * @param seed                fixes its signals
 * @param pattern             when it charges; never null
 * @param meterValueInterval  the initial MeterValueSampleInterval; never null, positive
 * @param overheating         null for none
 * @param suddenFault         null for none
 * @param ratedPowerW         what a vehicle draws while charging, in W (11 kW for the AC default); positive
 */
public record ChargerSpec(String chargePointId, String secret, String vendor, String model, long seed,
                          ChargingPattern pattern, Duration meterValueInterval,
                          ConnectorOverheating overheating, SuddenFault suddenFault,
                          double ratedPowerW) {

    public static final String DEFAULT_VENDOR = "FleetCare";
    public static final String DEFAULT_MODEL = "AC-22-DUO";
    public static final double DEFAULT_RATED_POWER_W = 11_000.0;

    public ChargerSpec {
        Objects.requireNonNull(chargePointId, "chargePointId");
        if (vendor.length() > 20 || model.length() > 20) {
            throw new IllegalArgumentException("vendor and model have at most 20 characters");
        }
        Objects.requireNonNull(pattern, "pattern");
        if (meterValueInterval.isZero() || meterValueInterval.isNegative()) {
            throw new IllegalArgumentException("meterValueInterval must be positive");
        }
        if (!(ratedPowerW > 0)) {
            throw new IllegalArgumentException("ratedPowerW must be positive");
        }
    }

    /** A healthy charger of the default vendor and model, busy charging, meter values every second. */
    public static ChargerSpec healthy(String chargePointId, String secret, long seed) {
        return new ChargerSpec(chargePointId, secret, DEFAULT_VENDOR, DEFAULT_MODEL, seed, ChargingPattern.busy(),
                Duration.ofSeconds(1), null, null, DEFAULT_RATED_POWER_W);
    }

    public ChargerSpec withOverheating(ConnectorOverheating fault) {
        return new ChargerSpec(chargePointId, secret, vendor, model, seed, pattern, meterValueInterval, fault,
                suddenFault, ratedPowerW);
    }

    public ChargerSpec withSuddenFault(SuddenFault fault) {
        return new ChargerSpec(chargePointId, secret, vendor, model, seed, pattern, meterValueInterval, overheating,
                fault, ratedPowerW);
    }

    public ChargerSpec withPattern(ChargingPattern charging) {
        return new ChargerSpec(chargePointId, secret, vendor, model, seed, charging, meterValueInterval, overheating,
                suddenFault, ratedPowerW);
    }

    public ChargerSpec withMeterValueInterval(Duration interval) {
        return new ChargerSpec(chargePointId, secret, vendor, model, seed, pattern, interval, overheating,
                suddenFault, ratedPowerW);
    }

    /** The same charger with another model name and rated power, e.g. a DC fast charger. */
    public ChargerSpec withModel(String otherModel, double otherRatedPowerW) {
        return new ChargerSpec(chargePointId, secret, vendor, otherModel, seed, pattern, meterValueInterval, overheating,
                suddenFault, otherRatedPowerW);
    }

    public boolean healthy() {
        return overheating == null && suddenFault == null;
    }
}
