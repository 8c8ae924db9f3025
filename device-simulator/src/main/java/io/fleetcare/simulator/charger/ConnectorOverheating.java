package io.fleetcare.simulator.charger;

import java.time.Duration;

/**
 * A charger whose connector overheats under load, as a corroded contact or a loose terminal does in the
 * field: from {@code startsAfter} on, every second of charging adds {@code degreesPerSecond} to the
 * connector temperature, up to {@code plateauC}; idle, the extra heat fades slowly.
 *
 * @param startsAfter      time since the charger started at which the fault begins; never null, not negative
 * @param degreesPerSecond extra heating per second of charging, &gt; 0
 * @param plateauC         the temperature it levels off at, above 90 °C for a fault worth a ticket
 */
public record ConnectorOverheating(Duration startsAfter, double degreesPerSecond, double plateauC) {

    public ConnectorOverheating {
        if (startsAfter == null || startsAfter.isNegative()) {
            throw new IllegalArgumentException("startsAfter must be zero or positive");
        }
        if (degreesPerSecond <= 0) {
            throw new IllegalArgumentException("degreesPerSecond must be positive");
        }
    }

    /** Starts 2 s after the charger does and passes 90 °C within about 30 s of charging. */
    public static ConnectorOverheating demo() {
        return new ConnectorOverheating(Duration.ofSeconds(2), 2.5, 98.0);
    }
}
