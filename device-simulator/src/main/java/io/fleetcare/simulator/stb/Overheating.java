package io.fleetcare.simulator.stb;

import java.time.Duration;

/**
 * A set-top box whose CPU cooling fails: from {@code startsAfter} on, the CPU temperature climbs by
 * {@code degreesPerSecond} until it levels off at {@code plateauC}, as a clogged fan or dried
 * thermal paste does in the field.
 *
 * @param startsAfter     device uptime at which the fault begins; never null, not negative
 * @param degreesPerSecond how fast the temperature rises, &gt; 0
 * @param plateauC        the temperature it settles at
 */
public record Overheating(Duration startsAfter, double degreesPerSecond, double plateauC) {

    public Overheating {
        if (startsAfter == null || startsAfter.isNegative()) {
            throw new IllegalArgumentException("startsAfter must be zero or positive");
        }
        if (degreesPerSecond <= 0) {
            throw new IllegalArgumentException("degreesPerSecond must be positive");
        }
    }

    /** A fault that starts 2 s after boot and passes 85 °C within about 15 s. */
    public static Overheating demo() {
        return new Overheating(Duration.ofSeconds(2), 2.0, 96.0);
    }

    /** Extra degrees above the healthy temperature at the given uptime. */
    double extraDegrees(Duration uptime, double healthyC) {
        double seconds = (uptime.toMillis() - startsAfter.toMillis()) / 1000.0;
        if (seconds <= 0) {
            return 0;
        }
        return Math.min(seconds * degreesPerSecond, Math.max(0, plateauC - healthyC));
    }
}
