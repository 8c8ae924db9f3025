package io.fleetcare.stream.telemetry;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import java.time.Instant;
import java.util.Optional;

/**
 * What one device event says about the latest state of its device, upserted into
 * {@code telemetry.device_state}.
 *
 * @param deviceId    never null
 * @param deviceType  name of the {@link io.fleetcare.events.DeviceType}; never null
 * @param model       may be null
 * @param seenAt      device time of the event; never null
 * @param kind        name of the event's {@link EventKind}; never null
 * @param metricsJson the event's metrics as a JSON object; null unless the event is METRICS
 * @param statusJson  the event's status as a JSON object; null unless the event is STATUS
 */
public record DeviceStateUpdate(String deviceId, String deviceType, String model, Instant seenAt, String kind,
                                String metricsJson, String statusJson) {

    /**
     * The update for {@code event}; empty for {@link EventKind#CONNECTION} events (the gateway's
     * notices about a connection are not signs of life from the device) and events without a
     * device time.
     */
    public static Optional<DeviceStateUpdate> of(DeviceEvent event) {
        if (event.kind() == EventKind.CONNECTION || event.deviceTs() == null || event.deviceType() == null) {
            return Optional.empty();
        }
        String metrics = event.kind() == EventKind.METRICS && event.metrics() != null
                ? EventCodec.encodeToString(event.metrics()) : null;
        String status = event.kind() == EventKind.STATUS && event.status() != null
                ? EventCodec.encodeToString(event.status()) : null;
        return Optional.of(new DeviceStateUpdate(event.deviceId(), event.deviceType().name(), event.model(),
                event.deviceTs(), event.kind().name(), metrics, status));
    }
}
