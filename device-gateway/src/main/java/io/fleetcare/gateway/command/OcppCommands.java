package io.fleetcare.gateway.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.gateway.command.CommandResult.Status;
import io.fleetcare.gateway.ocpp.CallAnswer;
import io.fleetcare.gateway.ocpp.OutboundCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one translation between commands and OCPP 1.6: command name + params -> {@link OutboundCall}, and a
 * charge point's answer -> {@link Status}.
 */
public final class OcppCommands {

    private static final Set<String> ACCEPTING = Set.of("Accepted", "RebootRequired");
    private static final Set<String> FINISHED = Set.of("Unlocked");

    private OcppCommands() {
    }

    /**
     * @param command never null
     * @return the call to send
     * @throws IllegalArgumentException for a command OCPP 1.6 lacks or params it cannot use (answered REJECTED)
     */
    public static OutboundCall toCall(DeviceCommand command) {
        JsonNode params = command.params() == null ? JsonNodeFactory.instance.objectNode() : command.params();
        return switch (command.command()) {
            case "RESET" -> OutboundCall.reset(text(params, "type", "Soft"));
            case "REBOOT" -> OutboundCall.reset("Hard");
            case "TRIGGER_MESSAGE" -> OutboundCall.triggerMessage(required(params, "requestedMessage"),
                    params.hasNonNull("connectorId") ? integer(params, "connectorId") : null);
            case "GET_CONFIGURATION", "GET_CONFIG" -> OutboundCall.getConfiguration(keys(params));
            case "CHANGE_CONFIGURATION", "SET_CONFIG" ->
                    OutboundCall.changeConfiguration(required(params, "key"), required(params, "value"));
            case "UNLOCK_CONNECTOR" -> OutboundCall.unlockConnector(integer(params, "connectorId"));
            case "GET_DIAGNOSTICS" -> OutboundCall.getDiagnostics(required(params, "location"),
                    instant(params, "startTime"), instant(params, "stopTime"));
            default -> throw new IllegalArgumentException("OCPP 1.6 chargers have no command " + command.command());
        };
    }

    /**
     * CALLERROR -> FAILED; a CALLRESULT with {@code status} Accepted or RebootRequired -> ACCEPTED, Unlocked ->
     * COMPLETED, any other status -> REJECTED; a CALLRESULT without status (GetConfiguration, GetDiagnostics) ->
     * COMPLETED.
     */
    public static Status outcome(CallAnswer answer) {
        if (!(answer instanceof CallAnswer.Result result)) {
            return Status.FAILED;
        }
        JsonNode status = result.payload().get("status");
        if (status == null || !status.isTextual()) {
            return Status.COMPLETED;
        }
        if (ACCEPTING.contains(status.textValue())) {
            return Status.ACCEPTED;
        }
        return FINISHED.contains(status.textValue()) ? Status.COMPLETED : Status.REJECTED;
    }

    /** The result payload: the CALLRESULT payload, or {@code {"errorCode","description","details"}}. */
    public static ObjectNode payload(CallAnswer answer) {
        if (answer instanceof CallAnswer.Result result) {
            return result.payload();
        }
        CallAnswer.Error error = (CallAnswer.Error) answer;
        ObjectNode payload = JsonNodeFactory.instance.objectNode()
                .put("errorCode", error.code().name())
                .put("description", error.description());
        payload.set("details", error.details());
        return payload;
    }

    private static List<String> keys(JsonNode params) {
        JsonNode key = params.get("key");
        List<String> keys = new ArrayList<>();
        if (key == null || key.isNull()) {
            return keys;
        }
        if (key.isTextual()) {
            keys.add(key.textValue());
            return keys;
        }
        if (!key.isArray()) {
            throw new IllegalArgumentException("key must be a string or an array of strings");
        }
        key.forEach(element -> {
            if (!element.isTextual()) {
                throw new IllegalArgumentException("key must be a string or an array of strings");
            }
            keys.add(element.textValue());
        });
        return keys;
    }

    private static String required(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.textValue();
    }

    private static String text(JsonNode params, String field, String fallback) {
        return params.hasNonNull(field) ? required(params, field) : fallback;
    }

    private static int integer(JsonNode params, String field) {
        JsonNode value = params.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return value.intValue();
    }

    private static Instant instant(JsonNode params, String field) {
        if (!params.hasNonNull(field)) {
            return null;
        }
        try {
            return Instant.parse(required(params, field));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant");
        }
    }
}
