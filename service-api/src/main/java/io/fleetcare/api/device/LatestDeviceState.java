package io.fleetcare.api.device;

import java.time.Instant;
import java.util.Map;

/**
 * What the telemetry store last heard from a device, as the stream jobs write it into
 * {@code telemetry.device_state}.
 *
 * @param lastSeen  when the device was last heard from (device time); never null
 * @param lastKind  the kind of the latest event (METRICS, STATUS, EVENT, HEARTBEAT, CONNECTION); never null
 * @param metrics   the latest metric readings; empty when none came yet
 * @param metricsAt when those were taken; null when none came yet
 * @param status    the latest status report as the gateway normalised it; null when none came yet
 * @param statusAt  when it was reported; null when none came yet
 */
public record LatestDeviceState(Instant lastSeen, String lastKind, Map<String, Double> metrics, Instant metricsAt,
        Map<String, Object> status, Instant statusAt) {
}
