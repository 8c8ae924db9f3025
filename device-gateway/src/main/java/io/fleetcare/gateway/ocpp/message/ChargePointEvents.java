package io.fleetcare.gateway.ocpp.message;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceStatus;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ocpp.message.InboundRequests.MeterValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one accepted OCPP 1.6 request into the DeviceEvents it says ({@code protocol=OCPP16},
 * {@code deviceType=EV_CHARGER}); the only place that knows how OCPP maps onto DeviceEvent.
 *
 * <h2>Event id</h2>
 * The name-based (MD5, version 3) UUID of
 * {@code ocpp16/{chargePointId}/{action}/{messageId}/sha256/{hex of the payload JSON}}, with
 * {@code /{index}} appended for the n-th meter value of a MeterValues. A charge point that repeats a
 * CALL repeats its message id and payload, so the copy keeps the id and consumers drop it. The payload
 * hash is there because many charge points restart their message ids at every boot.
 *
 * <p>ID tags (RFID tokens identify customers) never go into an event.
 */
public final class ChargePointEvents {

    /**
     * What every event of one request shares.
     *
     * @param chargePointId never null
     * @param model         the model the charge point announced in its BootNotification, else the registry's; may be null
     * @param action        the action name; never null
     * @param messageId     the CALL's unique id; never null
     * @param payloadJson   the payload as received; never null
     * @param receivedTs    never null
     */
    public record Origin(String chargePointId, String model, String action, String messageId, String payloadJson,
                         Instant receivedTs) {

        String eventId(String suffix) {
            String name = "ocpp16/" + chargePointId + "/" + action + "/" + messageId + "/sha256/"
                    + sha256(payloadJson) + suffix;
            return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        }

        DeviceEvent event(EventKind kind, Instant deviceTs, Map<String, Double> metrics, DeviceStatus status,
                          DeviceOccurrence occurrence) {
            return event("", kind, deviceTs, metrics, status, occurrence);
        }

        DeviceEvent event(String idSuffix, EventKind kind, Instant deviceTs, Map<String, Double> metrics,
                          DeviceStatus status, DeviceOccurrence occurrence) {
            return new DeviceEvent(eventId(idSuffix), chargePointId, DeviceType.EV_CHARGER, model, Protocol.OCPP16,
                    kind, deviceTs, receivedTs, metrics, status, occurrence);
        }
    }

    private ChargePointEvents() {
    }

    /**
     * {@code CONNECTION} {@code CONNECTED} or {@code DISCONNECTED} (reason: the WebSocket close code, may be
     * null); the id is the name-based UUID of {@code ocpp16/{chargePointId}/connection/{connectionId}/{name}}.
     *
     * @param model may be null
     */
    public static DeviceEvent connection(String chargePointId, String model, String connectionId, String name,
                                         String reason, Instant ts) {
        String id = "ocpp16/" + chargePointId + "/connection/" + connectionId + "/" + name;
        return new DeviceEvent(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString(), chargePointId,
                DeviceType.EV_CHARGER, model, Protocol.OCPP16, EventKind.CONNECTION, ts, ts, Map.of(), null,
                new DeviceOccurrence(name, reason, null, null));
    }

    /** {@code EVENT} {@code BOOT}, detail {@code vendor=…, firmware=…}; the origin's model should be the announced one. */
    public static DeviceEvent boot(Origin origin, InboundRequests.BootNotification boot) {
        String detail = "vendor=" + boot.chargePointVendor()
                + (boot.firmwareVersion() == null ? "" : ", firmware=" + boot.firmwareVersion());
        return origin.event(EventKind.EVENT, null, Map.of(), null, new DeviceOccurrence("BOOT", null, null, detail));
    }

    /** {@code HEARTBEAT}. */
    public static DeviceEvent heartbeat(Origin origin) {
        return origin.event(EventKind.HEARTBEAT, null, Map.of(), null, null);
    }

    /** {@code STATUS} with connector, status, errorCode and vendorErrorCode; device time = {@code timestamp}. */
    public static DeviceEvent status(Origin origin, InboundRequests.StatusNotification status) {
        return origin.event(EventKind.STATUS, status.timestamp(), Map.of(),
                new DeviceStatus(status.connectorId(), status.status(), status.errorCode(), status.vendorErrorCode()),
                null);
    }

    /** One {@code METRICS} event per meter value that yields at least one metric ({@link MeterReadings}). */
    public static List<DeviceEvent> meterValues(Origin origin, InboundRequests.MeterValues values) {
        List<DeviceEvent> events = new ArrayList<>();
        for (int i = 0; i < values.meterValue().size(); i++) {
            MeterValue sample = values.meterValue().get(i);
            Map<String, Double> metrics = MeterReadings.toMetrics(values.connectorId(), sample.sampledValue());
            if (!metrics.isEmpty()) {
                events.add(origin.event("/" + i, EventKind.METRICS, sample.timestamp(), metrics, null, null));
            }
        }
        return events;
    }

    /** {@code EVENT} {@code TRANSACTION_STARTED} with the connector's energy register as a metric. */
    public static DeviceEvent transactionStarted(Origin origin, InboundRequests.StartTransaction start,
                                                 int transactionId) {
        return origin.event(EventKind.EVENT, start.timestamp(),
                Map.of(MeterReadings.energyMetric(start.connectorId()), (double) start.meterStart()), null,
                new DeviceOccurrence("TRANSACTION_STARTED", null, null,
                        "connector=" + start.connectorId() + ", transactionId=" + transactionId
                                + ", meterStart=" + start.meterStart() + " Wh"));
    }

    /** {@code EVENT} {@code TRANSACTION_STOPPED}, reason = the stop reason (OCPP's default {@code Local}). */
    public static DeviceEvent transactionStopped(Origin origin, InboundRequests.StopTransaction stop) {
        return origin.event(EventKind.EVENT, stop.timestamp(), Map.of(), null,
                new DeviceOccurrence("TRANSACTION_STOPPED", stop.reason() == null ? "Local" : stop.reason(), null,
                        "transactionId=" + stop.transactionId() + ", meterStop=" + stop.meterStop() + " Wh"));
    }

    /** {@code EVENT} {@code AUTHORIZE}, without the ID tag. */
    public static DeviceEvent authorize(Origin origin) {
        return origin.event(EventKind.EVENT, null, Map.of(), null, new DeviceOccurrence("AUTHORIZE", null, null, null));
    }

    /** {@code EVENT} {@code DATA_TRANSFER}: code = vendorId, reason = messageId, detail = data. */
    public static DeviceEvent dataTransfer(Origin origin, InboundRequests.DataTransfer transfer) {
        return origin.event(EventKind.EVENT, null, Map.of(), null,
                new DeviceOccurrence("DATA_TRANSFER", transfer.messageId(), transfer.vendorId(), transfer.data()));
    }

    /** {@code EVENT} {@code DIAGNOSTICS_STATUS}, reason = the status. */
    public static DeviceEvent diagnosticsStatus(Origin origin, InboundRequests.DiagnosticsStatusNotification status) {
        return origin.event(EventKind.EVENT, null, Map.of(), null,
                new DeviceOccurrence("DIAGNOSTICS_STATUS", status.status(), null, null));
    }

    /** {@code EVENT} {@code FIRMWARE_STATUS}, reason = the status. */
    public static DeviceEvent firmwareStatus(Origin origin, InboundRequests.FirmwareStatusNotification status) {
        return origin.event(EventKind.EVENT, null, Map.of(), null,
                new DeviceOccurrence("FIRMWARE_STATUS", status.status(), null, null));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
