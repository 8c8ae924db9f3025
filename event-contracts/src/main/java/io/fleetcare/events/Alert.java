package io.fleetcare.events;

import java.time.Instant;
import java.util.List;

/**
 * A transition of one alert episode, published on {@link Topics#DEVICE_ALERTS}.
 *
 * <p>{@link #alertId()} is deterministic (device + rule + episode start), so a replay of the same
 * telemetry produces the same id and consumers upsert rather than insert twice.
 *
 * @param alertId      deterministic id of the episode; the RAISED and CLEARED messages share it
 * @param deviceId     never null
 * @param deviceType   never null
 * @param model        may be null
 * @param ruleId       the rule that fired, e.g. {@code stb.cpu-overheat}; never null
 * @param severity     never null
 * @param state        {@link State#RAISED} or {@link State#CLEARED}
 * @param episodeStart device time of the first reading of the episode; never null
 * @param ts           device time of this transition; never null
 * @param message      human-readable summary; never null
 * @param evidence     the readings behind the transition (never null, may be empty)
 */
public record Alert(
        String alertId,
        String deviceId,
        DeviceType deviceType,
        String model,
        String ruleId,
        Severity severity,
        State state,
        Instant episodeStart,
        Instant ts,
        String message,
        List<Evidence> evidence) {

    public enum State {
        RAISED,
        CLEARED
    }

    public Alert {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
