package io.fleetcare.simulator.charger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.simulator.ocpp.OutgoingCalls;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls the charger makes to the central system (OCPP 1.6J, connector 1 is the only one), each built from
 * typed arguments. Every call's answer (or failure) completes the returned future; a failed call is counted and
 * logged unless the charger is closed.
 */
final class ChargePointCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ChargePointCalls.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ChargerSpec spec;
    private final OutgoingCalls calls;
    private final Clock clock;
    private final AtomicLong failed;
    private final BooleanSupplier closed;

    ChargePointCalls(ChargerSpec spec, OutgoingCalls calls, Clock clock, AtomicLong failed, BooleanSupplier closed) {
        this.spec = spec;
        this.calls = calls;
        this.clock = clock;
        this.failed = failed;
        this.closed = closed;
    }

    CompletableFuture<ObjectNode> bootNotification() {
        return call("BootNotification", NODES.objectNode()
                .put("chargePointVendor", spec.vendor())
                .put("chargePointModel", spec.model())
                .put("chargePointSerialNumber", serialNumber())
                .put("firmwareVersion", "1.4.2"));
    }

    /** @param vendorErrorCode null for none */
    CompletableFuture<ObjectNode> statusNotification(int connectorId, String state, String errorCode,
                                                     String vendorErrorCode) {
        ObjectNode payload = NODES.objectNode()
                .put("connectorId", connectorId)
                .put("status", state)
                .put("errorCode", errorCode)
                .put("timestamp", now());
        if (vendorErrorCode != null) {
            payload.put("vendorErrorCode", vendorErrorCode);
        }
        return call("StatusNotification", payload);
    }

    void heartbeat() {
        call("Heartbeat", NODES.objectNode());
    }

    /** @param transactionId null when no transaction runs */
    void meterValues(int connectorId, Integer transactionId, ChargerReading reading, String context) {
        ObjectNode payload = NODES.objectNode().put("connectorId", connectorId);
        if (transactionId != null) {
            payload.put("transactionId", transactionId);
        }
        ObjectNode value = payload.putArray("meterValue").addObject().put("timestamp", now());
        ArrayNode sampled = value.putArray("sampledValue");
        sampled(sampled, reading.energyWh(), context, "Energy.Active.Import.Register", "Wh");
        sampled(sampled, reading.powerW(), context, "Power.Active.Import", "W");
        sampled(sampled, reading.currentA(), context, "Current.Import", "A");
        sampled(sampled, reading.voltageV(), context, "Voltage", "V");
        sampled(sampled, reading.temperatureC(), context, "Temperature", "Celsius");
        call("MeterValues", payload);
    }

    CompletableFuture<ObjectNode> startTransaction(int connectorId, String idTag, int meterStart) {
        return call("StartTransaction", NODES.objectNode()
                .put("connectorId", connectorId)
                .put("idTag", idTag)
                .put("meterStart", meterStart)
                .put("timestamp", now()));
    }

    CompletableFuture<ObjectNode> stopTransaction(int transactionId, String idTag, int meterStop, String reason) {
        return call("StopTransaction", NODES.objectNode()
                .put("transactionId", transactionId)
                .put("idTag", idTag)
                .put("meterStop", meterStop)
                .put("timestamp", now())
                .put("reason", reason));
    }

    void diagnosticsStatusNotification(String status) {
        call("DiagnosticsStatusNotification", NODES.objectNode().put("status", status));
    }

    void firmwareStatusNotification(String status) {
        call("FirmwareStatusNotification", NODES.objectNode().put("status", status));
    }

    private CompletableFuture<ObjectNode> call(String action, ObjectNode payload) {
        return calls.call(action, payload).whenComplete((answer, failure) -> {
            if (failure != null && !closed.getAsBoolean()) {
                failed.incrementAndGet();
                LOG.warn("charger {}: {} failed: {}", spec.chargePointId(), action, failure.toString());
            }
        });
    }

    private String serialNumber() {
        String id = spec.chargePointId();
        return "SN-" + (id.length() > 22 ? id.substring(id.length() - 22) : id);
    }

    private static void sampled(ArrayNode into, double value, String context, String measurand, String unit) {
        into.addObject()
                .put("value", Double.toString(value))
                .put("context", context)
                .put("measurand", measurand)
                .put("location", "Outlet")
                .put("unit", unit);
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
