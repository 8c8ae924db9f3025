package io.fleetcare.simulator.charger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.simulator.ocpp.CallRefused;
import io.fleetcare.simulator.ocpp.OcppMessage;
import io.fleetcare.simulator.ocpp.OutgoingCalls;
import io.fleetcare.simulator.ocpp.RequestPayload;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charger's side of every frame the central system sends: parse -> validate the payload ({@link RequestPayload}:
 * refused with its CALLERROR code) -> dispatch over the action -> CALLRESULT -> what the charger does afterwards,
 * on its scheduler. Answers to the charger's own calls go to {@link OutgoingCalls}. Answers the Core, Firmware
 * Management and Remote Trigger profiles; other OCPP 1.6 actions get NotSupported, unknown ones NotImplemented.
 */
final class CentralSystemCalls {

    private static final Logger LOG = LoggerFactory.getLogger(CentralSystemCalls.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> CENTRAL_SYSTEM_ACTIONS = Set.of("CancelReservation", "ChangeAvailability",
            "ChangeConfiguration", "ClearCache", "ClearChargingProfile", "DataTransfer", "GetCompositeSchedule",
            "GetConfiguration", "GetDiagnostics", "GetLocalListVersion", "RemoteStartTransaction",
            "RemoteStopTransaction", "ReserveNow", "Reset", "SendLocalList", "SetChargingProfile", "TriggerMessage",
            "UnlockConnector", "UpdateFirmware");

    private final String chargePointId;
    private final Connector connector;
    private final ChargerConfiguration configuration;
    private final ChargePointCalls send;
    private final OutgoingCalls calls;
    private final ChargerConnection connection;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong failed;

    CentralSystemCalls(String chargePointId, Connector connector, ChargerConfiguration configuration,
                       ChargePointCalls send, OutgoingCalls calls, ChargerConnection connection,
                       ScheduledExecutorService scheduler, AtomicLong failed) {
        this.chargePointId = chargePointId;
        this.connector = connector;
        this.configuration = configuration;
        this.send = send;
        this.calls = calls;
        this.connection = connection;
        this.scheduler = scheduler;
        this.failed = failed;
    }

    /** Handles one frame: a CALL is answered, an answer completes the charger's call it belongs to. */
    void receive(String frame) {
        OcppMessage message;
        try {
            message = OcppMessage.parse(frame);
        } catch (OcppMessage.MalformedFrame e) {
            LOG.warn("charger {} got a malformed frame: {}", chargePointId, e.getMessage());
            answer(new OcppMessage.CallError(e.messageId() == null ? "-1" : e.messageId(), "FormationViolation",
                    e.getMessage(), null));
            return;
        }
        if (message instanceof OcppMessage.Call call) {
            Runnable afterwards;
            try {
                Answered answered = dispatch(call.action(), call.payload());
                answer(new OcppMessage.CallResult(call.id(), answered.payload()));
                afterwards = answered.afterwards();
            } catch (CallRefused e) {
                answer(new OcppMessage.CallError(call.id(), e.errorCode(), e.getMessage(), null));
                return;
            }
            if (afterwards != null) {
                scheduler.execute(afterwards);
            }
        } else if (!calls.answer(message) && !connection.isClosed()) {
            LOG.warn("charger {} got an answer to no call: {}", chargePointId, message.id());
        }
    }

    private void answer(OcppMessage message) {
        try {
            connection.send(message.toFrame());
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.warn("charger {} could not answer {}: {}", chargePointId, message.id(), e.getMessage());
        }
    }

    /** The CALLRESULT payload and what the charger does once it is sent (null: nothing). */
    private record Answered(ObjectNode payload, Runnable afterwards) {
        static Answered status(String status, Runnable afterwards) {
            return new Answered(NODES.objectNode().put("status", status), afterwards);
        }
    }

    private Answered dispatch(String action, ObjectNode payload) {
        return switch (action) {
            case "Reset" -> reset(payload);
            case "TriggerMessage" -> triggerMessage(payload);
            case "GetConfiguration" -> getConfiguration(payload);
            case "ChangeConfiguration" -> changeConfiguration(payload);
            case "UnlockConnector" -> unlockConnector(payload);
            case "RemoteStartTransaction" -> remoteStart(payload);
            case "RemoteStopTransaction" -> remoteStop(payload);
            case "GetDiagnostics" -> getDiagnostics(payload);
            case "UpdateFirmware" -> updateFirmware(payload);
            case "ChangeAvailability" -> changeAvailability(payload);
            case "ClearCache" -> clearCache(payload);
            case "DataTransfer" -> dataTransfer(payload);
            default -> throw CENTRAL_SYSTEM_ACTIONS.contains(action)
                    ? new CallRefused("NotSupported", action + " is not supported by this charger")
                    : new CallRefused("NotImplemented", action + " is not an OCPP 1.6 action");
        };
    }

    private Answered reset(ObjectNode payload) {
        String type = new RequestPayload(payload, Set.of("type")).oneOf("type", List.of("Hard", "Soft"));
        return Answered.status("Accepted", () -> connector.reboot(type));
    }

    private Answered triggerMessage(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("requestedMessage", "connectorId"));
        String requested = request.oneOf("requestedMessage", List.of("BootNotification",
                "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat", "MeterValues",
                "StatusNotification"));
        Integer connectorId = request.optionalInteger("connectorId");
        if (connectorId != null && (connectorId < 0 || connectorId > Connector.ID)) {
            return Answered.status("Rejected", null);
        }
        Runnable sendRequested = switch (requested) {
            case "BootNotification" -> connector::boot;
            case "Heartbeat" -> send::heartbeat;
            case "MeterValues" -> () -> connector.meterValues("Trigger");
            case "StatusNotification" -> () -> {
                if (connectorId == null) {
                    connector.reportStatuses();
                } else if (connectorId == 0) {
                    connector.reportChargePoint();
                } else {
                    connector.reportConnector();
                }
            };
            case "DiagnosticsStatusNotification" -> () -> send.diagnosticsStatusNotification("Idle");
            default -> () -> send.firmwareStatusNotification("Idle");
        };
        return Answered.status("Accepted", sendRequested);
    }

    private Answered getConfiguration(ObjectNode payload) {
        List<String> keys = new RequestPayload(payload, Set.of("key")).strings("key", 50);
        ObjectNode answer = NODES.objectNode();
        ArrayNode known = NODES.arrayNode();
        ArrayNode unknown = NODES.arrayNode();
        List<ChargerConfiguration.Key> asked = keys.isEmpty() ? configuration.all() : keys.stream()
                .map(key -> {
                    ChargerConfiguration.Key found = configuration.get(key);
                    if (found == null) {
                        unknown.add(key);
                    }
                    return found;
                })
                .filter(Objects::nonNull)
                .toList();
        asked.forEach(key -> known.addObject().put("key", key.name()).put("readonly", key.readonly())
                .put("value", key.value()));
        if (!known.isEmpty()) {
            answer.set("configurationKey", known);
        }
        if (!unknown.isEmpty()) {
            answer.set("unknownKey", unknown);
        }
        return new Answered(answer, null);
    }

    private Answered changeConfiguration(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("key", "value"));
        String key = request.string("key", 50);
        String value = request.string("value", 500);
        ChargerConfiguration.Change change = configuration.change(key, value);
        if (change == ChargerConfiguration.Change.Accepted) {
            connector.configurationChanged(key, value);
        }
        return Answered.status(change.name(), null);
    }

    private Answered unlockConnector(ObjectNode payload) {
        int connectorId = new RequestPayload(payload, Set.of("connectorId")).integer("connectorId");
        if (connectorId != Connector.ID) {
            return Answered.status("NotSupported", null);
        }
        return Answered.status("Unlocked", () -> connector.stopTransaction("UnlockCommand", true));
    }

    private Answered remoteStart(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("connectorId", "idTag", "chargingProfile"));
        Integer connectorId = request.optionalInteger("connectorId");
        String idTag = request.string("idTag", 20);
        if (!connector.acceptsRemoteStart(connectorId)) {
            return Answered.status("Rejected", null);
        }
        return Answered.status("Accepted", () -> connector.startTransaction(idTag));
    }

    private Answered remoteStop(ObjectNode payload) {
        int id = new RequestPayload(payload, Set.of("transactionId")).integer("transactionId");
        if (!connector.runs(id)) {
            return Answered.status("Rejected", null);
        }
        return Answered.status("Accepted", () -> connector.stopTransaction("Remote", true));
    }

    private Answered getDiagnostics(ObjectNode payload) {
        new RequestPayload(payload, Set.of("location", "retries", "retryInterval", "startTime", "stopTime"))
                .string("location", Integer.MAX_VALUE);
        String fileName = "diagnostics-" + chargePointId + ".log";
        ObjectNode answer = NODES.objectNode().put("fileName", fileName.length() > 255 ? "diagnostics.log" : fileName);
        return new Answered(answer, () -> {
            send.diagnosticsStatusNotification("Uploading");
            send.diagnosticsStatusNotification("Uploaded");
        });
    }

    /** Connector 0 (the charge point) or 1, see {@link Connector#changeAvailability}; other connectors Rejected. */
    private Answered changeAvailability(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("connectorId", "type"));
        int connectorId = request.integer("connectorId");
        boolean toInoperative = request.oneOf("type", List.of("Inoperative", "Operative")).equals("Inoperative");
        if (connectorId < 0 || connectorId > Connector.ID) {
            return Answered.status("Rejected", null);
        }
        return switch (connector.changeAvailability(toInoperative)) {
            case SCHEDULED -> Answered.status("Scheduled", null);
            case UNCHANGED -> Answered.status("Accepted", null);
            case CHANGED -> Answered.status("Accepted", connector::reportStatuses);
        };
    }

    /** The charger keeps no authorization cache, so there is nothing to clear and clearing succeeds. */
    private Answered clearCache(ObjectNode payload) {
        new RequestPayload(payload, Set.of());
        return Answered.status("Accepted", null);
    }

    /** The charger knows no vendor-specific extensions. */
    private Answered dataTransfer(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("vendorId", "messageId", "data"));
        request.string("vendorId", 255);
        request.optionalString("messageId", 50);
        request.optionalString("data", Integer.MAX_VALUE);
        return Answered.status("UnknownVendorId", null);
    }

    private Answered updateFirmware(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("location", "retries", "retrieveDate",
                "retryInterval"));
        request.string("location", Integer.MAX_VALUE);
        request.dateTime("retrieveDate");
        return new Answered(NODES.objectNode(), () -> {
            for (String state : List.of("Downloading", "Downloaded", "Installing", "Installed")) {
                send.firmwareStatusNotification(state);
            }
        });
    }
}
