package io.fleetcare.simulator.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OCPP 1.6J JSON schemas of everything a charge point sends, as code: the requests it initiates
 * ({@code *.req}) and its answers to the central system's requests ({@code *.conf}). Checks types, required
 * fields, enumerations, {@code maxLength}s, {@code additionalProperties: false} and array cardinalities.
 */
public final class Ocpp16Schemas {

    /** One schema rule over a JSON value; adds a violation per problem. */
    interface Rule {
        void check(String path, JsonNode value, List<String> violations);
    }

    record Field(String name, boolean required, Rule rule) {
    }

    private static final Set<String> CALL_ERROR_CODES = Set.of("NotImplemented", "NotSupported", "InternalError",
            "ProtocolError", "SecurityError", "FormationViolation", "PropertyConstraintViolation",
            "OccurenceConstraintViolation", "TypeConstraintViolation", "GenericError");

    private static final Rule CONNECTOR_STATUS = oneOf("Available", "Preparing", "Charging", "SuspendedEVSE",
            "SuspendedEV", "Finishing", "Reserved", "Unavailable", "Faulted");
    private static final Rule ERROR_CODE = oneOf("ConnectorLockFailure", "EVCommunicationError", "GroundFailure",
            "HighTemperature", "InternalError", "LocalListConflict", "NoError", "OtherError", "OverCurrentFailure",
            "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage",
            "OverVoltage", "WeakSignal");
    private static final Rule SAMPLED_VALUE = object(
            required("value", string(Integer.MAX_VALUE)),
            optional("context", oneOf("Interruption.Begin", "Interruption.End", "Sample.Clock", "Sample.Periodic",
                    "Transaction.Begin", "Transaction.End", "Trigger", "Other")),
            optional("format", oneOf("Raw", "SignedData")),
            optional("measurand", oneOf("Energy.Active.Export.Register", "Energy.Active.Import.Register",
                    "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register",
                    "Energy.Active.Export.Interval", "Energy.Active.Import.Interval",
                    "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval", "Power.Active.Export",
                    "Power.Active.Import", "Power.Offered", "Power.Reactive.Export", "Power.Reactive.Import",
                    "Power.Factor", "Current.Import", "Current.Export", "Current.Offered", "Voltage", "Frequency",
                    "Temperature", "SoC", "RPM")),
            optional("phase", oneOf("L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1")),
            optional("location", oneOf("Cable", "EV", "Inlet", "Outlet", "Body")),
            optional("unit", oneOf("Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A", "V",
                    "K", "Celcius", "Celsius", "Fahrenheit", "Percent")));
    private static final Rule METER_VALUE = object(
            required("timestamp", dateTime()),
            required("sampledValue", array(SAMPLED_VALUE, 1)));
    private static final Rule STATUS_ONLY_ANSWER = object();

    private static final Map<String, Rule> REQUESTS = new LinkedHashMap<>();
    private static final Map<String, Rule> CONFIRMATIONS = new LinkedHashMap<>();

    static {
        REQUESTS.put("BootNotification", object(
                required("chargePointVendor", string(20)), required("chargePointModel", string(20)),
                optional("chargePointSerialNumber", string(25)), optional("chargeBoxSerialNumber", string(25)),
                optional("firmwareVersion", string(50)), optional("iccid", string(20)), optional("imsi", string(20)),
                optional("meterType", string(25)), optional("meterSerialNumber", string(25))));
        REQUESTS.put("Heartbeat", object());
        REQUESTS.put("StatusNotification", object(
                required("connectorId", integer(0)), required("errorCode", ERROR_CODE),
                optional("info", string(50)), required("status", CONNECTOR_STATUS),
                optional("timestamp", dateTime()), optional("vendorId", string(255)),
                optional("vendorErrorCode", string(50))));
        REQUESTS.put("MeterValues", object(
                required("connectorId", integer(0)), optional("transactionId", integer(Integer.MIN_VALUE)),
                required("meterValue", array(METER_VALUE, 1))));
        REQUESTS.put("StartTransaction", object(
                required("connectorId", integer(1)), required("idTag", string(20)),
                required("meterStart", integer(Integer.MIN_VALUE)), optional("reservationId", integer(Integer.MIN_VALUE)),
                required("timestamp", dateTime())));
        REQUESTS.put("StopTransaction", object(
                optional("idTag", string(20)), required("meterStop", integer(Integer.MIN_VALUE)),
                required("timestamp", dateTime()), required("transactionId", integer(Integer.MIN_VALUE)),
                optional("reason", oneOf("EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other",
                        "PowerLoss", "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized")),
                optional("transactionData", array(METER_VALUE, 0))));
        REQUESTS.put("Authorize", object(required("idTag", string(20))));
        REQUESTS.put("DataTransfer", object(required("vendorId", string(255)), optional("messageId", string(50)),
                optional("data", string(Integer.MAX_VALUE))));
        REQUESTS.put("DiagnosticsStatusNotification", object(required("status",
                oneOf("Idle", "Uploaded", "UploadFailed", "Uploading"))));
        REQUESTS.put("FirmwareStatusNotification", object(required("status", oneOf("Downloaded", "DownloadFailed",
                "Downloading", "Idle", "InstallationFailed", "Installing", "Installed"))));

        CONFIRMATIONS.put("Reset", object(required("status", oneOf("Accepted", "Rejected"))));
        CONFIRMATIONS.put("TriggerMessage", object(required("status", oneOf("Accepted", "Rejected", "NotImplemented"))));
        CONFIRMATIONS.put("GetConfiguration", object(
                optional("configurationKey", array(object(required("key", string(50)),
                        required("readonly", bool()), optional("value", string(500))), 0)),
                optional("unknownKey", array(string(50), 0))));
        CONFIRMATIONS.put("ChangeConfiguration", object(required("status",
                oneOf("Accepted", "Rejected", "RebootRequired", "NotSupported"))));
        CONFIRMATIONS.put("UnlockConnector", object(required("status", oneOf("Unlocked", "UnlockFailed", "NotSupported"))));
        CONFIRMATIONS.put("RemoteStartTransaction", object(required("status", oneOf("Accepted", "Rejected"))));
        CONFIRMATIONS.put("RemoteStopTransaction", object(required("status", oneOf("Accepted", "Rejected"))));
        CONFIRMATIONS.put("GetDiagnostics", object(optional("fileName", string(255))));
        CONFIRMATIONS.put("UpdateFirmware", STATUS_ONLY_ANSWER);
        CONFIRMATIONS.put("ChangeAvailability", object(required("status", oneOf("Accepted", "Rejected", "Scheduled"))));
        CONFIRMATIONS.put("ClearCache", object(required("status", oneOf("Accepted", "Rejected"))));
        CONFIRMATIONS.put("DataTransfer", object(required("status",
                oneOf("Accepted", "Rejected", "UnknownMessageId", "UnknownVendorId")), optional("data", string(Integer.MAX_VALUE))));
    }

    private Ocpp16Schemas() {
    }

    /** Violations of a request the charge point sends; an action a charge point may not send is one. */
    public static List<String> checkRequest(String action, JsonNode payload) {
        Rule rule = REQUESTS.get(action);
        if (rule == null) {
            return List.of(action + " is not an action a charge point sends");
        }
        List<String> violations = new ArrayList<>();
        rule.check(action + ".req", payload, violations);
        return violations;
    }

    /** Violations of the charge point's CALLRESULT to the given central-system action. */
    public static List<String> checkConfirmation(String action, JsonNode payload) {
        Rule rule = CONFIRMATIONS.get(action);
        if (rule == null) {
            return List.of("no confirmation schema for " + action);
        }
        List<String> violations = new ArrayList<>();
        rule.check(action + ".conf", payload, violations);
        return violations;
    }

    /** Violations of a CALLERROR's error code. */
    public static List<String> checkErrorCode(String errorCode) {
        return CALL_ERROR_CODES.contains(errorCode) ? List.of() : List.of(errorCode + " is not an OCPP-J error code");
    }

    static Field required(String name, Rule rule) {
        return new Field(name, true, rule);
    }

    static Field optional(String name, Rule rule) {
        return new Field(name, false, rule);
    }

    static Rule object(Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            byName.put(field.name(), field);
        }
        return (path, value, violations) -> {
            if (value == null || !value.isObject()) {
                violations.add(path + " must be an object");
                return;
            }
            for (Field field : byName.values()) {
                JsonNode child = value.get(field.name());
                if (child == null) {
                    if (field.required()) {
                        violations.add(path + "." + field.name() + " is required");
                    }
                } else {
                    field.rule().check(path + "." + field.name(), child, violations);
                }
            }
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!byName.containsKey(name)) {
                    violations.add(path + "." + name + " is not defined (additionalProperties: false)");
                }
            }
        };
    }

    static Rule string(int maxLength) {
        return (path, value, violations) -> {
            if (!value.isTextual()) {
                violations.add(path + " must be a string");
            } else if (value.asText().length() > maxLength) {
                violations.add(path + " is longer than " + maxLength);
            }
        };
    }

    static Rule oneOf(String... allowed) {
        Set<String> set = Set.of(allowed);
        return (path, value, violations) -> {
            if (!value.isTextual() || !set.contains(value.asText())) {
                violations.add(path + " = " + value + " is not one of its enumeration");
            }
        };
    }

    static Rule integer(int minimum) {
        return (path, value, violations) -> {
            if (!value.isIntegralNumber()) {
                violations.add(path + " must be an integer");
            } else if (value.asLong() < minimum) {
                violations.add(path + " is below " + minimum);
            }
        };
    }

    static Rule bool() {
        return (path, value, violations) -> {
            if (!value.isBoolean()) {
                violations.add(path + " must be a boolean");
            }
        };
    }

    static Rule dateTime() {
        return (path, value, violations) -> {
            try {
                Instant.parse(value.asText());
                if (!value.isTextual()) {
                    violations.add(path + " must be a date-time string");
                }
            } catch (DateTimeParseException e) {
                violations.add(path + " is not a date-time");
            }
        };
    }

    static Rule array(Rule item, int minItems) {
        return (path, value, violations) -> {
            if (!value.isArray()) {
                violations.add(path + " must be an array");
                return;
            }
            if (value.size() < minItems) {
                violations.add(path + " needs at least " + minItems + " item(s)");
            }
            for (int i = 0; i < value.size(); i++) {
                item.check(path + "[" + i + "]", value.get(i), violations);
            }
        };
    }
}
