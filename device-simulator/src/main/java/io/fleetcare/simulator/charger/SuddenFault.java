package io.fleetcare.simulator.charger;

import java.time.Duration;
import java.util.Set;

/**
 * A connector that suddenly reports {@code Faulted} with an OCPP 1.6 error code, e.g. a ground fault
 * tripping the residual current device, and optionally recovers to {@code Available}/{@code NoError}.
 *
 * @param at              time since the charger started at which the fault happens (at the first moment after it
 *                        that the charger is booted and connected); never null
 * @param errorCode       a ChargePointErrorCode other than NoError, e.g. {@code GroundFailure}
 * @param vendorErrorCode at most 50 characters; may be null
 * @param recoversAfter   how long the fault lasts from when it began; null when it never recovers
 */
public record SuddenFault(Duration at, String errorCode, String vendorErrorCode, Duration recoversAfter) {

    /** ChargePointErrorCode of OCPP 1.6 except NoError. */
    public static final Set<String> ERROR_CODES = Set.of("ConnectorLockFailure", "EVCommunicationError",
            "GroundFailure", "HighTemperature", "InternalError", "LocalListConflict", "OtherError",
            "OverCurrentFailure", "OverVoltage", "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure",
            "ResetFailure", "UnderVoltage", "WeakSignal");

    public SuddenFault {
        if (at == null || at.isNegative()) {
            throw new IllegalArgumentException("at must be zero or positive");
        }
        if (!ERROR_CODES.contains(errorCode)) {
            throw new IllegalArgumentException(errorCode + " is not an OCPP 1.6 error code for a fault");
        }
        if (vendorErrorCode != null && vendorErrorCode.length() > 50) {
            throw new IllegalArgumentException("vendorErrorCode is longer than 50 characters");
        }
    }

    /** A ground failure 3 s after start that never recovers. */
    public static SuddenFault groundFailure() {
        return new SuddenFault(Duration.ofSeconds(3), "GroundFailure", "RCD-TRIP", null);
    }

    /** Whether the fault's time has come at the given time since start. */
    public boolean dueAt(Duration sinceStart) {
        return sinceStart.compareTo(at) >= 0;
    }
}
