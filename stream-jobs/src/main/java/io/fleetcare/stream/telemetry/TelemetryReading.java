package io.fleetcare.stream.telemetry;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One metric value a device reported, as stored in {@code telemetry.reading}. Device, metric
 * and device time identify it: the same reading delivered twice is stored once.
 *
 * @param deviceId never null
 * @param metric   the key in {@link DeviceEvent#metrics()}; never null
 * @param ts       device time of the reading; never null
 * @param value    a finite number
 */
public record TelemetryReading(String deviceId, String metric, Instant ts, double value) {

    /**
     * The readings of a {@link EventKind#METRICS} event, one per metric with a finite value;
     * empty for other kinds and for events without metrics.
     */
    public static List<TelemetryReading> of(DeviceEvent event) {
        Map<String, Double> metrics = event.metrics();
        if (event.kind() != EventKind.METRICS || metrics == null || event.deviceTs() == null) {
            return List.of();
        }
        List<TelemetryReading> readings = new ArrayList<>(metrics.size());
        metrics.forEach((metric, value) -> {
            if (metric != null && value != null && Double.isFinite(value)) {
                readings.add(new TelemetryReading(event.deviceId(), metric, event.deviceTs(), value));
            }
        });
        return readings;
    }
}
