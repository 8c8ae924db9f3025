package io.fleetcare.simulator.charger;

import java.time.Duration;

/**
 * When a simulated charger charges: a vehicle plugs in after {@code idle}, charges for {@code session},
 * leaves, and the next one comes after another {@code idle}.
 *
 * @param idle    time without a vehicle; never null, not negative
 * @param session length of a charging session; never null, positive
 */
public record ChargingPattern(Duration idle, Duration session) {

    public ChargingPattern {
        if (idle == null || idle.isNegative() || session == null || session.isZero() || session.isNegative()) {
            throw new IllegalArgumentException("idle must be zero or positive and session positive");
        }
    }

    /** A vehicle 1 s after start that charges all day: the charger is busy whenever a fault can show. */
    public static ChargingPattern busy() {
        return new ChargingPattern(Duration.ofSeconds(1), Duration.ofHours(24));
    }
}
