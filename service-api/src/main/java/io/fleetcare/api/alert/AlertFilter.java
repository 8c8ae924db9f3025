package io.fleetcare.api.alert;

import io.fleetcare.events.Alert;
import io.fleetcare.events.Severity;
import java.time.Instant;

/**
 * Which alerts a list shows; every criterion may be null (no restriction).
 *
 * @param since alerts whose latest transition (device time) is at or after this instant
 * @param limit at most this many, 1-1000
 */
public record AlertFilter(Alert.State state, Severity severity, String deviceId, String ruleId, Instant since,
        int limit) {
}
