package io.fleetcare.stream.testing;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceStatus;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Device events as the gateway would publish them, for tests. */
public final class Telemetry {

    public static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    public static final String STB_MODEL = "STB-4K-200";
    public static final String CHARGER_MODEL = "AC-22-DUO";

    private Telemetry() {
    }

    /** A set-top box reading {@code cpu_temp_c} at {@code T0 + seconds}. */
    public static DeviceEvent stbCpuTemp(String deviceId, long seconds, double celsius) {
        return metrics(deviceId, DeviceType.SET_TOP_BOX, STB_MODEL, Protocol.MQTT, seconds,
                Map.of("cpu_temp_c", celsius, "cpu_pct", 35.0));
    }

    /** A charger reading {@code connector.1.temperature_c} at {@code T0 + seconds}. */
    public static DeviceEvent chargerConnectorTemp(String deviceId, long seconds, double celsius) {
        return metrics(deviceId, DeviceType.EV_CHARGER, CHARGER_MODEL, Protocol.OCPP16, seconds,
                Map.of("connector.1.temperature_c", celsius));
    }

    /** An OCPP StatusNotification of connector {@code connector} of a charger at {@code T0 + seconds}. */
    public static DeviceEvent chargerStatus(String deviceId, long seconds, int connector, String state,
                                            String errorCode) {
        Instant ts = T0.plusSeconds(seconds);
        return new DeviceEvent(eventId(deviceId, ts, "status-" + connector), deviceId, DeviceType.EV_CHARGER,
                CHARGER_MODEL, Protocol.OCPP16, EventKind.STATUS, ts, ts.plusMillis(150), Map.of(),
                new DeviceStatus(connector, state, errorCode, null), null);
    }

    /** A discrete set-top box event, e.g. {@code ERROR} with code {@code DECODER_HANG}, at {@code T0 + seconds}. */
    public static DeviceEvent stbEvent(String deviceId, long seconds, String name, String reason, String code) {
        Instant ts = T0.plusSeconds(seconds);
        return new DeviceEvent(eventId(deviceId, ts, name), deviceId, DeviceType.SET_TOP_BOX, STB_MODEL,
                Protocol.MQTT, EventKind.EVENT, ts, ts.plusMillis(150), Map.of(),
                null, new DeviceOccurrence(name, reason, code, null));
    }

    /** A discrete charger event, e.g. {@code TRANSACTION_STARTED}, at {@code T0 + seconds}. */
    public static DeviceEvent chargerEvent(String deviceId, long seconds, String name) {
        Instant ts = T0.plusSeconds(seconds);
        return new DeviceEvent(eventId(deviceId, ts, name), deviceId, DeviceType.EV_CHARGER, CHARGER_MODEL,
                Protocol.OCPP16, EventKind.EVENT, ts, ts.plusMillis(150), Map.of(),
                null, new DeviceOccurrence(name, null, null, null));
    }

    /** A charger HEARTBEAT at {@code T0 + seconds}. */
    public static DeviceEvent chargerHeartbeat(String deviceId, long seconds) {
        Instant ts = T0.plusSeconds(seconds);
        return new DeviceEvent(eventId(deviceId, ts, "heartbeat"), deviceId, DeviceType.EV_CHARGER, CHARGER_MODEL,
                Protocol.OCPP16, EventKind.HEARTBEAT, ts, ts.plusMillis(150), Map.of(), null, null);
    }

    private static String eventId(String deviceId, Instant ts, String what) {
        return UUID.nameUUIDFromBytes((deviceId + "@" + ts + "/" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A METRICS event whose id derives from device and time, so the same reading keeps its id. */
    public static DeviceEvent metrics(String deviceId, DeviceType type, String model, Protocol protocol,
                                      long seconds, Map<String, Double> metrics) {
        Instant ts = T0.plusSeconds(seconds);
        String eventId = UUID.nameUUIDFromBytes((deviceId + "@" + ts).getBytes(StandardCharsets.UTF_8)).toString();
        return new DeviceEvent(eventId, deviceId, type, model, protocol, EventKind.METRICS,
                ts, ts.plusMillis(150), metrics, null, null);
    }
}
