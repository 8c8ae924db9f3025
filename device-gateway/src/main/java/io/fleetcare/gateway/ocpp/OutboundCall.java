package io.fleetcare.gateway.ocpp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.gateway.ocpp.frame.OcppAction;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A call the gateway sends to a charge point, with builders for the OCPP 1.6 remote-diagnostics
 * requests. Builders check what the schemas constrain that a caller can get wrong (enumerations,
 * {@code maxLength}s); a charge point still answers a bad request with a CALLERROR.
 *
 * @param action  an action the central system may initiate; never null
 * @param payload the request; never null
 */
public record OutboundCall(OcppAction action, ObjectNode payload) {

    public OutboundCall {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
        if (action.initiator() == OcppAction.Initiator.CHARGE_POINT) {
            throw new IllegalArgumentException(action + " is sent by charge points, not to them");
        }
    }

    /** TriggerMessage.req; {@code requestedMessage} one of BootNotification, DiagnosticsStatusNotification,
     * FirmwareStatusNotification, Heartbeat, MeterValues, StatusNotification; {@code connectorId} may be null. */
    public static OutboundCall triggerMessage(String requestedMessage, Integer connectorId) {
        oneOf(requestedMessage, List.of("BootNotification", "DiagnosticsStatusNotification",
                "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StatusNotification"));
        ObjectNode payload = object().put("requestedMessage", requestedMessage);
        if (connectorId != null) {
            payload.put("connectorId", connectorId);
        }
        return new OutboundCall(OcppAction.TriggerMessage, payload);
    }

    /** GetConfiguration.req; {@code keys} empty for all keys, each at most 50 characters. */
    public static OutboundCall getConfiguration(List<String> keys) {
        ObjectNode payload = object();
        if (!keys.isEmpty()) {
            keys.forEach(key -> maxLength(key, 50));
            keys.forEach(payload.putArray("key")::add);
        }
        return new OutboundCall(OcppAction.GetConfiguration, payload);
    }

    /** ChangeConfiguration.req; key at most 50, value at most 500 characters. */
    public static OutboundCall changeConfiguration(String key, String value) {
        return new OutboundCall(OcppAction.ChangeConfiguration,
                object().put("key", maxLength(key, 50)).put("value", maxLength(value, 500)));
    }

    /** Reset.req; {@code type} Hard or Soft. */
    public static OutboundCall reset(String type) {
        return new OutboundCall(OcppAction.Reset, object().put("type", oneOf(type, List.of("Hard", "Soft"))));
    }

    /** UnlockConnector.req; connectors start at 1. */
    public static OutboundCall unlockConnector(int connectorId) {
        if (connectorId < 1) {
            throw new IllegalArgumentException("connectorId must be at least 1");
        }
        return new OutboundCall(OcppAction.UnlockConnector, object().put("connectorId", connectorId));
    }

    /** GetDiagnostics.req: upload the diagnostics file to {@code location}; the time window may be null. */
    public static OutboundCall getDiagnostics(String location, Instant startTime, Instant stopTime) {
        ObjectNode payload = object().put("location", Objects.requireNonNull(location, "location"));
        if (startTime != null) {
            payload.put("startTime", startTime.toString());
        }
        if (stopTime != null) {
            payload.put("stopTime", stopTime.toString());
        }
        return new OutboundCall(OcppAction.GetDiagnostics, payload);
    }

    /** UpdateFirmware.req: download from {@code location} from {@code retrieveDate} on. */
    public static OutboundCall updateFirmware(String location, Instant retrieveDate) {
        return new OutboundCall(OcppAction.UpdateFirmware, object()
                .put("location", Objects.requireNonNull(location, "location"))
                .put("retrieveDate", retrieveDate.toString()));
    }

    /** RemoteStartTransaction.req; {@code connectorId} may be null (the charge point chooses). */
    public static OutboundCall remoteStartTransaction(String idTag, Integer connectorId) {
        ObjectNode payload = object().put("idTag", maxLength(idTag, 20));
        if (connectorId != null) {
            payload.put("connectorId", connectorId);
        }
        return new OutboundCall(OcppAction.RemoteStartTransaction, payload);
    }

    /** RemoteStopTransaction.req. */
    public static OutboundCall remoteStopTransaction(int transactionId) {
        return new OutboundCall(OcppAction.RemoteStopTransaction, object().put("transactionId", transactionId));
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String maxLength(String value, int limit) {
        if (Objects.requireNonNull(value, "value").length() > limit) {
            throw new IllegalArgumentException("longer than " + limit + " characters");
        }
        return value;
    }

    private static String oneOf(String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(value + " is not one of " + allowed);
        }
        return value;
    }
}
