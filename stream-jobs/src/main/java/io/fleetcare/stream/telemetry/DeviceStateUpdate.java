package io.fleetcare.stream.telemetry;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The state of one device that a batch of updates leaves, for one upsert: type, model and kind of its newest
     * update (by device time; of equal times the later one), the newest time, the metrics of its newest update
     * that has metrics, the status of its newest update that has a status. Applying it is the same as applying the
     * device's updates one after the other, because each part only moves forward in device time.
     *
     * @param metricsAt null when no update of the batch had metrics (then {@code metricsJson} is null too)
     * @param statusAt  null when no update of the batch had a status (then {@code statusJson} is null too)
     */
    public record Merged(String deviceId, String deviceType, String model, Instant seenAt, String kind,
                         String metricsJson, Instant metricsAt, String statusJson, Instant statusAt) {
    }

    /**
     * One {@link Merged} state per device of {@code updates}, in the order the devices first appear.
     *
     * @param updates in arrival order; never null
     */
    public static List<Merged> mergeByDevice(List<DeviceStateUpdate> updates) {
        Map<String, Merged> byDevice = new LinkedHashMap<>();
        for (DeviceStateUpdate u : updates) {
            byDevice.merge(u.deviceId(), single(u), DeviceStateUpdate::later);
        }
        return List.copyOf(byDevice.values());
    }

    private static Merged single(DeviceStateUpdate u) {
        return new Merged(u.deviceId(), u.deviceType(), u.model(), u.seenAt(), u.kind(), u.metricsJson(),
                u.metricsJson() == null ? null : u.seenAt(), u.statusJson(), u.statusJson() == null ? null : u.seenAt());
    }

    /** {@code b} arrived after {@code a}; at equal device times the later arrival wins, as in the upsert. */
    private static Merged later(Merged a, Merged b) {
        boolean newer = !b.seenAt().isBefore(a.seenAt());
        boolean newerMetrics = b.metricsAt() != null && (a.metricsAt() == null || !b.metricsAt().isBefore(a.metricsAt()));
        boolean newerStatus = b.statusAt() != null && (a.statusAt() == null || !b.statusAt().isBefore(a.statusAt()));
        return new Merged(a.deviceId(),
                newer ? b.deviceType() : a.deviceType(),
                newer ? b.model() : a.model(),
                newer ? b.seenAt() : a.seenAt(),
                newer ? b.kind() : a.kind(),
                newerMetrics ? b.metricsJson() : a.metricsJson(),
                newerMetrics ? b.metricsAt() : a.metricsAt(),
                newerStatus ? b.statusJson() : a.statusJson(),
                newerStatus ? b.statusAt() : a.statusAt());
    }
}
