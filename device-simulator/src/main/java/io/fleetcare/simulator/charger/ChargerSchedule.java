package io.fleetcare.simulator.charger;

import java.time.Duration;
import java.time.Instant;

/**
 * When the charger's next Heartbeat, MeterValues and vehicle session are due, and when the running session ends.
 * Each instant is null until it is first set (the heartbeat and meter values at boot). Not thread-safe: the
 * {@link Connector} guards it with its lock.
 */
final class ChargerSchedule {

    private final ChargingPattern pattern;
    private Instant nextHeartbeat;
    private Instant nextMeterValues;
    private Instant nextSession;
    private Instant sessionEnds;

    ChargerSchedule(ChargingPattern pattern) {
        this.pattern = pattern;
    }

    /** The central system accepted a boot: heartbeat and meter values count from now, the first vehicle too. */
    void booted(Instant now, int heartbeatSeconds, Duration meterValueInterval, boolean charging) {
        nextHeartbeat = now.plusSeconds(heartbeatSeconds);
        nextMeterValues = now.plus(meterValueInterval);
        if (nextSession == null && !charging) {
            nextSession = now.plus(pattern.idle());
        }
    }

    /** A new HeartbeatInterval applies at once (not before boot). */
    void heartbeatIntervalChanged(Instant now, int seconds) {
        if (nextHeartbeat != null) {
            nextHeartbeat = now.plusSeconds(Math.max(1, seconds));
        }
    }

    /** A new MeterValueSampleInterval applies at once (not before boot). */
    void meterValueIntervalChanged(Instant now, int seconds) {
        if (nextMeterValues != null) {
            nextMeterValues = now.plusSeconds(seconds);
        }
    }

    /** True when a Heartbeat is due at {@code now}; the next one is then due {@code seconds} (at least 1) later. */
    boolean heartbeatDue(Instant now, int seconds) {
        if (now.isBefore(nextHeartbeat)) {
            return false;
        }
        nextHeartbeat = now.plusSeconds(Math.max(1, seconds));
        return true;
    }

    /** True when MeterValues are due at {@code now} ({@code seconds} 0: never); the next ones {@code seconds} later. */
    boolean meterValuesDue(Instant now, int seconds) {
        if (seconds <= 0 || now.isBefore(nextMeterValues)) {
            return false;
        }
        nextMeterValues = now.plusSeconds(seconds);
        return true;
    }

    boolean sessionDue(Instant now) {
        return nextSession != null && !now.isBefore(nextSession);
    }

    boolean sessionOver(Instant now) {
        return sessionEnds != null && !now.isBefore(sessionEnds);
    }

    /** The connector is free again (or did not get its session): the next vehicle comes after the idle time. */
    void idleFrom(Instant now) {
        nextSession = now.plus(pattern.idle());
    }

    void sessionStarted(Instant now) {
        sessionEnds = now.plus(pattern.session());
    }

    void sessionEnded(Instant now) {
        sessionEnds = null;
        idleFrom(now);
    }
}
