package io.fleetcare.gateway.ocpp.message;

import io.fleetcare.gateway.ocpp.frame.PayloadReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The requests a charge point sends, one record per action, each with the validator that reads it
 * from its payload as the OCPP 1.6 JSON schemas define it (field names, required fields, types,
 * enumerations and {@code maxLength}s are the schemas'; OCPP 1.6 edition 2 with errata).
 * A validator throws {@link io.fleetcare.gateway.ingest.IngestRejection} as {@link PayloadReader} describes.
 */
public final class InboundRequests {

    /** ChargePointErrorCode, the 16 values of OCPP 1.6 §7. */
    public static final Set<String> CHARGE_POINT_ERROR_CODES = Set.of(
            "ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature", "InternalError",
            "LocalListConflict", "NoError", "OtherError", "OverCurrentFailure", "PowerMeterFailure",
            "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage", "OverVoltage", "WeakSignal");

    /** ChargePointStatus, OCPP 1.6 §7. */
    public static final Set<String> CHARGE_POINT_STATUSES = Set.of(
            "Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing", "Reserved",
            "Unavailable", "Faulted");

    /** Reason, OCPP 1.6 §7. */
    public static final Set<String> STOP_REASONS = Set.of(
            "EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other", "PowerLoss", "Reboot", "Remote",
            "SoftReset", "UnlockCommand", "DeAuthorized");

    /** DiagnosticsStatus, OCPP 1.6 §7. */
    public static final Set<String> DIAGNOSTICS_STATUSES = Set.of("Idle", "Uploaded", "UploadFailed", "Uploading");

    /** FirmwareStatus, OCPP 1.6 §7. */
    public static final Set<String> FIRMWARE_STATUSES = Set.of(
            "Downloaded", "DownloadFailed", "Downloading", "Idle", "InstallationFailed", "Installing", "Installed");

    /** IdToken is CiString20Type (OCPP 1.6 §7). */
    public static final int ID_TOKEN_LENGTH = 20;

    private InboundRequests() {
    }

    /** BootNotification.req, OCPP 1.6 §6. */
    public record BootNotification(String chargePointVendor, String chargePointModel,
                                   String chargePointSerialNumber, String chargeBoxSerialNumber,
                                   String firmwareVersion, String iccid, String imsi, String meterType,
                                   String meterSerialNumber) {
        public static BootNotification read(PayloadReader p) {
            p.allowOnly("chargePointVendor", "chargePointModel", "chargePointSerialNumber", "chargeBoxSerialNumber",
                    "firmwareVersion", "iccid", "imsi", "meterType", "meterSerialNumber");
            return new BootNotification(
                    p.requiredString("chargePointVendor", 20),
                    p.requiredString("chargePointModel", 20),
                    p.optionalString("chargePointSerialNumber", 25),
                    p.optionalString("chargeBoxSerialNumber", 25),
                    p.optionalString("firmwareVersion", 50),
                    p.optionalString("iccid", 20),
                    p.optionalString("imsi", 20),
                    p.optionalString("meterType", 25),
                    p.optionalString("meterSerialNumber", 25));
        }
    }

    /** Heartbeat.req, OCPP 1.6 §6: no fields. */
    public record Heartbeat() {
        public static Heartbeat read(PayloadReader p) {
            p.allowOnly();
            return new Heartbeat();
        }
    }

    /** StatusNotification.req, OCPP 1.6 §6. */
    public record StatusNotification(int connectorId, String errorCode, String info, String status,
                                     Instant timestamp, String vendorId, String vendorErrorCode) {
        public static StatusNotification read(PayloadReader p) {
            p.allowOnly("connectorId", "errorCode", "info", "status", "timestamp", "vendorId", "vendorErrorCode");
            return new StatusNotification(
                    p.requiredInt("connectorId", 0),
                    p.requiredEnum("errorCode", CHARGE_POINT_ERROR_CODES),
                    p.optionalString("info", 50),
                    p.requiredEnum("status", CHARGE_POINT_STATUSES),
                    p.optionalDateTime("timestamp"),
                    p.optionalString("vendorId", 255),
                    p.optionalString("vendorErrorCode", 50));
        }
    }

    /** MeterValues.req, OCPP 1.6 §6: at least one MeterValue, each with at least one SampledValue. */
    public record MeterValues(int connectorId, Integer transactionId, List<MeterValue> meterValue) {
        public static MeterValues read(PayloadReader p) {
            p.allowOnly("connectorId", "transactionId", "meterValue");
            return new MeterValues(
                    p.requiredInt("connectorId", 0),
                    p.optionalInt("transactionId", Integer.MIN_VALUE),
                    p.requiredObjects("meterValue", 1).stream().map(MeterValue::read).toList());
        }
    }

    /** MeterValue, OCPP 1.6 §7. */
    public record MeterValue(Instant timestamp, List<SampledValue> sampledValue) {
        static MeterValue read(PayloadReader p) {
            p.allowOnly("timestamp", "sampledValue");
            return new MeterValue(
                    p.requiredDateTime("timestamp"),
                    p.requiredObjects("sampledValue", 1).stream().map(SampledValue::read).toList());
        }
    }

    /**
     * SampledValue, OCPP 1.6 §7; absent optional fields keep null here, the spec's defaults
     * (Sample.Periodic, Raw, Energy.Active.Import.Register, Outlet, Wh) are applied by {@link MeterReadings}.
     */
    public record SampledValue(String value, String context, String format, String measurand, String phase,
                               String location, String unit) {

        static final Set<String> CONTEXTS = Set.of("Interruption.Begin", "Interruption.End", "Sample.Clock",
                "Sample.Periodic", "Transaction.Begin", "Transaction.End", "Trigger", "Other");
        static final Set<String> FORMATS = Set.of("Raw", "SignedData");
        static final Set<String> MEASURANDS = Set.of("Energy.Active.Export.Register",
                "Energy.Active.Import.Register", "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register",
                "Energy.Active.Export.Interval", "Energy.Active.Import.Interval", "Energy.Reactive.Export.Interval",
                "Energy.Reactive.Import.Interval", "Power.Active.Export", "Power.Active.Import", "Power.Offered",
                "Power.Reactive.Export", "Power.Reactive.Import", "Power.Factor", "Current.Import", "Current.Export",
                "Current.Offered", "Voltage", "Frequency", "Temperature", "SoC", "RPM");
        static final Set<String> PHASES = Set.of("L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3",
                "L3-L1");
        static final Set<String> LOCATIONS = Set.of("Cable", "EV", "Inlet", "Outlet", "Body");
        /** UnitOfMeasure; the 1.6 schema spells {@code Celcius}, errata add {@code Celsius}: both are accepted. */
        static final Set<String> UNITS = Set.of("Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar",
                "A", "V", "K", "Celcius", "Celsius", "Fahrenheit", "Percent");

        static SampledValue read(PayloadReader p) {
            p.allowOnly("value", "context", "format", "measurand", "phase", "location", "unit");
            return new SampledValue(
                    p.requiredString("value", -1),
                    p.optionalEnum("context", CONTEXTS),
                    p.optionalEnum("format", FORMATS),
                    p.optionalEnum("measurand", MEASURANDS),
                    p.optionalEnum("phase", PHASES),
                    p.optionalEnum("location", LOCATIONS),
                    p.optionalEnum("unit", UNITS));
        }
    }

    /** StartTransaction.req, OCPP 1.6 §6; connector ids of a transaction start at 1. */
    public record StartTransaction(int connectorId, String idTag, int meterStart, Integer reservationId,
                                   Instant timestamp) {
        public static StartTransaction read(PayloadReader p) {
            p.allowOnly("connectorId", "idTag", "meterStart", "reservationId", "timestamp");
            return new StartTransaction(
                    p.requiredInt("connectorId", 1),
                    p.requiredString("idTag", ID_TOKEN_LENGTH),
                    p.requiredInt("meterStart", Integer.MIN_VALUE),
                    p.optionalInt("reservationId", Integer.MIN_VALUE),
                    p.requiredDateTime("timestamp"));
        }
    }

    /** StopTransaction.req, OCPP 1.6 §6. */
    public record StopTransaction(String idTag, int meterStop, Instant timestamp, int transactionId, String reason,
                                  List<MeterValue> transactionData) {
        public static StopTransaction read(PayloadReader p) {
            p.allowOnly("idTag", "meterStop", "timestamp", "transactionId", "reason", "transactionData");
            return new StopTransaction(
                    p.optionalString("idTag", ID_TOKEN_LENGTH),
                    p.requiredInt("meterStop", Integer.MIN_VALUE),
                    p.requiredDateTime("timestamp"),
                    p.requiredInt("transactionId", Integer.MIN_VALUE),
                    p.optionalEnum("reason", STOP_REASONS),
                    p.optionalObjects("transactionData").stream().map(MeterValue::read).toList());
        }
    }

    /** Authorize.req, OCPP 1.6 §6. */
    public record Authorize(String idTag) {
        public static Authorize read(PayloadReader p) {
            p.allowOnly("idTag");
            return new Authorize(p.requiredString("idTag", ID_TOKEN_LENGTH));
        }
    }

    /** DataTransfer.req, OCPP 1.6 §6. */
    public record DataTransfer(String vendorId, String messageId, String data) {
        public static DataTransfer read(PayloadReader p) {
            p.allowOnly("vendorId", "messageId", "data");
            return new DataTransfer(
                    p.requiredString("vendorId", 255),
                    p.optionalString("messageId", 50),
                    p.optionalString("data", -1));
        }
    }

    /** DiagnosticsStatusNotification.req, OCPP 1.6 §6. */
    public record DiagnosticsStatusNotification(String status) {
        public static DiagnosticsStatusNotification read(PayloadReader p) {
            p.allowOnly("status");
            return new DiagnosticsStatusNotification(p.requiredEnum("status", DIAGNOSTICS_STATUSES));
        }
    }

    /** FirmwareStatusNotification.req, OCPP 1.6 §6. */
    public record FirmwareStatusNotification(String status) {
        public static FirmwareStatusNotification read(PayloadReader p) {
            p.allowOnly("status");
            return new FirmwareStatusNotification(p.requiredEnum("status", FIRMWARE_STATUSES));
        }
    }
}
