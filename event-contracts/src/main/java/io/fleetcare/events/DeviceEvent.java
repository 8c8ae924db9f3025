package io.fleetcare.events;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the gateway hears from a device, normalized once at the protocol edge and published
 * on {@link Topics#DEVICE_TELEMETRY} keyed by {@link #deviceId()}.
 *
 * <p>Consumers drop duplicates by {@link #eventId()}: the gateway derives it from the device's own
 * identity of the message where the protocol offers one, so a redelivered message keeps its id.
 *
 * @param eventId    unique id of this event; never null
 * @param deviceId   the device; never null
 * @param deviceType never null
 * @param model      device model, e.g. {@code STB-4K-200}; may be null when the device did not say
 * @param protocol   never null
 * @param kind       never null; says which of metrics/status/event is filled
 * @param deviceTs    event time: when the device says it happened, unless its clock is off by more than the
 *                    tolerance ({@link DeviceClock}), then {@code receivedTs}; falls back to {@code receivedTs};
 *                    never null
 * @param receivedTs  when the gateway received it; never null
 * @param metrics     readings by metric name (empty, never null)
 * @param status      present for {@link EventKind#STATUS}; otherwise null
 * @param event       present for {@link EventKind#EVENT} and {@link EventKind#CONNECTION}; otherwise null
 * @param reportedTs  the device's timestamp exactly as reported, kept by {@link DeviceClock#check}; null when the
 *                    device reported none or the event has not been checked yet (records written before the
 *                    field existed)
 * @param clockSkewed true when the device's clock was off by more than the tolerance, so that {@code deviceTs} is
 *                    the receive time; false in records written before the field existed
 */
public record DeviceEvent(
        String eventId,
        String deviceId,
        DeviceType deviceType,
        String model,
        Protocol protocol,
        EventKind kind,
        Instant deviceTs,
        Instant receivedTs,
        Map<String, Double> metrics,
        DeviceStatus status,
        DeviceOccurrence event,
        Instant reportedTs,
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean clockSkewed) {

    /** An event whose device clock has not been checked yet ({@code reportedTs} null, not skewed). */
    public DeviceEvent(String eventId, String deviceId, DeviceType deviceType, String model, Protocol protocol,
            EventKind kind, Instant deviceTs, Instant receivedTs, Map<String, Double> metrics, DeviceStatus status,
            DeviceOccurrence event) {
        this(eventId, deviceId, deviceType, model, protocol, kind, deviceTs, receivedTs, metrics, status, event,
                null, false);
    }

    public DeviceEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedTs, "receivedTs");
        deviceTs = deviceTs == null ? receivedTs : deviceTs;
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** The reading of one metric, or null when this event does not carry it. */
    public Double metric(String name) {
        return metrics.get(name);
    }
}
