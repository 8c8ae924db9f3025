package io.fleetcare.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceStatus;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Raw OCPP-J frames through the whole pipeline, with Kafka replaced by a recorder. */
class ChargePointConversationTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<DeviceEvent> published = new ArrayList<>();
    private CompletableFuture<Void> kafkaConfirmation = CompletableFuture.completedFuture(null);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ChargePointConversation conversation = new ChargePointConversation(this::publish,
            new IngestMetrics(registry), 60, Clock.fixed(NOW, ZoneOffset.UTC));
    private final RecordingLink link = new RecordingLink();
    private final ChargePointSession session = new ChargePointSession("CP-1", "connection-1", link, "REGISTERED");

    private CompletionStage<Void> publish(DeviceEvent event) {
        published.add(event);
        return kafkaConfirmation;
    }

    @Test
    void tc001ColdBootChargePointIsAcceptedWithTimeAndIntervalAndPublishedAsBootEvent() {
        // when
        JsonNode reply = answer("""
                [2,"boot-1","BootNotification",{"chargePointVendor":"Acme","chargePointModel":"AC-22",
                 "chargePointSerialNumber":"SN-1","firmwareVersion":"1.4.2"}]""");

        // then
        assertThat(reply.get(0).intValue()).isEqualTo(3);
        assertThat(reply.get(1).textValue()).isEqualTo("boot-1");
        assertThat(reply.get(2).get("status").textValue()).isEqualTo("Accepted");
        assertThat(reply.get(2).get("currentTime").textValue()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(reply.get(2).get("interval").intValue()).isEqualTo(60);
        DeviceEvent boot = single();
        assertThat(boot.deviceId()).isEqualTo("CP-1");
        assertThat(boot.deviceType()).isEqualTo(DeviceType.EV_CHARGER);
        assertThat(boot.protocol()).isEqualTo(Protocol.OCPP16);
        assertThat(boot.kind()).isEqualTo(EventKind.EVENT);
        assertThat(boot.model()).isEqualTo("AC-22");
        assertThat(boot.event()).isEqualTo(new DeviceOccurrence("BOOT", null, null, "vendor=Acme, firmware=1.4.2"));
        assertThat(session.model()).isEqualTo("AC-22");
    }

    @Test
    void modelFromTheRegistryIsUsedUntilTheChargePointAnnouncesOne() {
        // when
        answer("""
                [2,"hb-0","Heartbeat",{}]""");
        answer("""
                [2,"boot-1","BootNotification",{"chargePointVendor":"Acme","chargePointModel":"AC-22"}]""");
        answer("""
                [2,"hb-1","Heartbeat",{}]""");

        // then
        assertThat(published).extracting(DeviceEvent::model).containsExactly("REGISTERED", "AC-22", "AC-22");
    }

    @Test
    void heartbeatIsAnsweredWithCurrentTimeAndPublishedAsHeartbeat() {
        // when
        JsonNode reply = answer("""
                [2,"hb-1","Heartbeat",{}]""");

        // then
        assertThat(reply.toString()).isEqualTo("""
                [3,"hb-1",{"currentTime":"2026-11-24T10:00:00Z"}]""");
        assertThat(single().kind()).isEqualTo(EventKind.HEARTBEAT);
    }

    @Test
    void statusNotificationBecomesStatusWithErrorAndVendorCode() {
        // when
        JsonNode reply = answer("""
                [2,"st-1","StatusNotification",{"connectorId":1,"errorCode":"HighTemperature","status":"Faulted",
                 "vendorErrorCode":"E12","info":"hot","timestamp":"2026-11-24T09:59:58Z"}]""");

        // then
        assertThat(reply.toString()).isEqualTo("""
                [3,"st-1",{}]""");
        DeviceEvent status = single();
        assertThat(status.kind()).isEqualTo(EventKind.STATUS);
        assertThat(status.status()).isEqualTo(new DeviceStatus(1, "Faulted", "HighTemperature", "E12"));
        assertThat(status.deviceTs()).isEqualTo(Instant.parse("2026-11-24T09:59:58Z"));
    }

    @Test
    void meterValuesBecomeMetricsPerSampleWithUnitsPhasesAndLocations() {
        // when
        JsonNode reply = answer("""
                [2,"mv-1","MeterValues",{"connectorId":1,"transactionId":7,"meterValue":[
                  {"timestamp":"2026-11-24T09:59:00Z","sampledValue":[
                    {"value":"12345"},
                    {"value":"7.2","measurand":"Power.Active.Import","unit":"kW"},
                    {"value":"16.1","measurand":"Current.Import","unit":"A","phase":"L1"},
                    {"value":"231","measurand":"Voltage","unit":"V","phase":"L1-N"},
                    {"value":"344.65","measurand":"Temperature","unit":"K","location":"Body"},
                    {"value":"80","measurand":"SoC","unit":"Percent","location":"EV"},
                    {"value":"0.98","measurand":"Power.Factor"},
                    {"value":"abc","measurand":"Voltage"},
                    {"value":"1","format":"SignedData"}]},
                  {"timestamp":"2026-11-24T10:00:00Z","sampledValue":[
                    {"value":"12.4","measurand":"Energy.Active.Import.Register","unit":"kWh","context":"Sample.Clock"}]}
                ]}]""");

        // then
        assertThat(reply.toString()).isEqualTo("""
                [3,"mv-1",{}]""");
        assertThat(published).hasSize(2).allSatisfy(event -> assertThat(event.kind()).isEqualTo(EventKind.METRICS));
        assertThat(published.get(0).deviceTs()).isEqualTo(Instant.parse("2026-11-24T09:59:00Z"));
        assertThat(published.get(0).metrics()).containsOnlyKeys("connector.1.energy_wh", "connector.1.power_w",
                "connector.1.current_a.l1", "connector.1.voltage_v.l1_n", "connector.1.temperature_c.body",
                "connector.1.soc_pct.ev");
        assertThat(published.get(0).metrics()).containsEntry("connector.1.energy_wh", 12345.0)
                .containsEntry("connector.1.power_w", 7200.0)
                .containsEntry("connector.1.current_a.l1", 16.1)
                .containsEntry("connector.1.voltage_v.l1_n", 231.0)
                .containsEntry("connector.1.soc_pct.ev", 80.0);
        assertThat(published.get(0).metric("connector.1.temperature_c.body")).isCloseTo(71.5, withinMilli());
        assertThat(published.get(1).metrics()).isEqualTo(Map.of("connector.1.energy_wh", 12400.0));
        assertThat(published.get(0).eventId()).isNotEqualTo(published.get(1).eventId());
    }

    @Test
    void tc004_1RegularChargingSessionIdentificationFirstGetsAcceptedIdTagAndATransactionId() {
        // when
        JsonNode authorized = answer("""
                [2,"a-1","Authorize",{"idTag":"RFID-0001"}]""");
        JsonNode started = answer("""
                [2,"s-1","StartTransaction",{"connectorId":1,"idTag":"RFID-0001","meterStart":1000,
                 "timestamp":"2026-11-24T09:00:00Z"}]""");
        int transactionId = started.get(2).get("transactionId").intValue();
        JsonNode stopped = answer("""
                [2,"s-2","StopTransaction",{"idTag":"RFID-0001","meterStop":21000,"timestamp":"2026-11-24T10:00:00Z",
                 "transactionId":%d,"reason":"EVDisconnected","transactionData":[{"timestamp":"2026-11-24T10:00:00Z",
                 "sampledValue":[{"value":"21000","context":"Transaction.End"}]}]}]""".formatted(transactionId));

        // then
        assertThat(authorized.get(2).toString()).isEqualTo("""
                {"idTagInfo":{"status":"Accepted"}}""");
        assertThat(started.get(2).get("idTagInfo").get("status").textValue()).isEqualTo("Accepted");
        assertThat(transactionId).isPositive();
        assertThat(stopped.get(2).toString()).isEqualTo("""
                {"idTagInfo":{"status":"Accepted"}}""");
        assertThat(published).extracting(event -> event.event().name())
                .containsExactly("AUTHORIZE", "TRANSACTION_STARTED", "TRANSACTION_STOPPED");
        assertThat(published.get(1).metrics()).isEqualTo(Map.of("connector.1.energy_wh", 1000.0));
        assertThat(published.get(2).event().reason()).isEqualTo("EVDisconnected");
        assertThat(published).allSatisfy(event -> assertThat(event.toString()).doesNotContain("RFID-0001"));
    }

    @Test
    void repeatedStartTransactionGetsTheSameTransactionIdAndEventId() {
        // given
        String start = """
                [2,"s-1","StartTransaction",{"connectorId":2,"idTag":"T","meterStart":5,"timestamp":"2026-11-24T09:00:00Z"}]""";

        // when
        JsonNode first = answer(start);
        JsonNode again = answer(start);

        // then
        assertThat(again.get(2).get("transactionId")).isEqualTo(first.get(2).get("transactionId"));
        assertThat(published.get(1).eventId()).isEqualTo(published.get(0).eventId());
    }

    @Test
    void sameMessageIdWithAnotherPayloadIsAnotherEvent() {
        // when the charge point restarted its message ids
        answer("""
                [2,"1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available"}]""");
        answer("""
                [2,"1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Charging"}]""");

        // then
        assertThat(published.get(0).eventId()).isNotEqualTo(published.get(1).eventId());
    }

    @Test
    void dataTransferDiagnosticsAndFirmwareStatusBecomeEvents() {
        // when
        JsonNode data = answer("""
                [2,"d-1","DataTransfer",{"vendorId":"com.acme","messageId":"fan","data":"rpm=0"}]""");
        JsonNode diagnostics = answer("""
                [2,"d-2","DiagnosticsStatusNotification",{"status":"Uploaded"}]""");
        JsonNode firmware = answer("""
                [2,"d-3","FirmwareStatusNotification",{"status":"InstallationFailed"}]""");

        // then
        assertThat(data.get(2).toString()).isEqualTo("""
                {"status":"Accepted"}""");
        assertThat(diagnostics.get(2).toString()).isEqualTo("{}");
        assertThat(firmware.get(2).toString()).isEqualTo("{}");
        assertThat(published).extracting(DeviceEvent::event).containsExactly(
                new DeviceOccurrence("DATA_TRANSFER", "fan", "com.acme", "rpm=0"),
                new DeviceOccurrence("DIAGNOSTICS_STATUS", "Uploaded", null, null),
                new DeviceOccurrence("FIRMWARE_STATUS", "InstallationFailed", null, null));
    }

    @Test
    void callResultIsSentOnlyAfterKafkaConfirmed() {
        // given
        kafkaConfirmation = new CompletableFuture<>();

        // when
        CompletableFuture<String> reply = conversation.onText(session, """
                [2,"hb-1","Heartbeat",{}]""").toCompletableFuture();

        // then
        assertThat(reply).isNotDone();
        kafkaConfirmation.complete(null);
        assertThat(reply).isCompletedWithValue("""
                [3,"hb-1",{"currentTime":"2026-11-24T10:00:00Z"}]""");
    }

    @Test
    void kafkaFailureIsAnsweredWithInternalErrorSoTheChargePointSendsAgain() {
        // given
        kafkaConfirmation = CompletableFuture.failedFuture(new IllegalStateException("broker down"));

        // when
        JsonNode reply = answer("""
                [2,"st-9","StatusNotification",{"connectorId":0,"errorCode":"NoError","status":"Available"}]""");

        // then
        assertThat(reply.get(0).intValue()).isEqualTo(4);
        assertThat(reply.get(1).textValue()).isEqualTo("st-9");
        assertThat(reply.get(2).textValue()).isEqualTo("InternalError");
    }

    @Test
    void unexpectedFailureIsAnsweredWithInternalError() {
        // given
        ChargePointConversation failing = new ChargePointConversation(event -> {
            throw new IllegalStateException("producer closed");
        }, new IngestMetrics(registry), 60, Clock.fixed(NOW, ZoneOffset.UTC));

        // when
        String reply = failing.onText(session, "[2,\"hb-1\",\"Heartbeat\",{}]").toCompletableFuture().join();

        // then
        assertThat(reply).startsWith("[4,\"hb-1\",\"InternalError\",");
    }

    static Stream<Arguments> invalidFrames() {
        return Stream.of(
                argumentSet("not JSON", "[2,\"x\",", "-1", "FormationViolation"),
                argumentSet("empty frame", "", "-1", "FormationViolation"),
                argumentSet("JSON object instead of array", """
                        {"action":"Heartbeat"}""", "-1", "FormationViolation"),
                argumentSet("unknown message type", """
                        [5,"m-1","Heartbeat",{}]""", "m-1", "FormationViolation"),
                argumentSet("message id not a string", """
                        [2,17,"Heartbeat",{}]""", "-1", "FormationViolation"),
                argumentSet("message id longer than 36", """
                        [2,"0123456789012345678901234567890123456","Heartbeat",{}]""", "-1", "FormationViolation"),
                argumentSet("CALL with three elements", """
                        [2,"m-2","Heartbeat"]""", "m-2", "FormationViolation"),
                argumentSet("payload not an object", """
                        [2,"m-3","Heartbeat",[]]""", "m-3", "FormationViolation"),
                argumentSet("trailing garbage", """
                        [2,"m-4","Heartbeat",{}] x""", "-1", "FormationViolation"),
                argumentSet("unknown action", """
                        [2,"m-5","SecurityEventNotification",{"type":"x","timestamp":"2026-11-24T10:00:00Z"}]""",
                        "m-5", "NotImplemented"),
                argumentSet("action names are case-sensitive", """
                        [2,"m-6","heartbeat",{}]""", "m-6", "NotImplemented"),
                argumentSet("central-system action sent by a charge point", """
                        [2,"m-7","Reset",{"type":"Hard"}]""", "m-7", "NotSupported"),
                argumentSet("Heartbeat with a field", """
                        [2,"m-8","Heartbeat",{"x":1}]""", "m-8", "FormationViolation"),
                argumentSet("BootNotification without model", """
                        [2,"b-1","BootNotification",{"chargePointVendor":"Acme"}]""", "b-1",
                        "OccurenceConstraintViolation"),
                argumentSet("BootNotification vendor longer than 20", """
                        [2,"b-2","BootNotification",{"chargePointVendor":"123456789012345678901","chargePointModel":"M"}]""",
                        "b-2", "PropertyConstraintViolation"),
                argumentSet("BootNotification firmware longer than 50", """
                        [2,"b-3","BootNotification",{"chargePointVendor":"V","chargePointModel":"M",
                         "firmwareVersion":"%s"}]""".formatted("f".repeat(51)), "b-3", "PropertyConstraintViolation"),
                argumentSet("BootNotification vendor a number", """
                        [2,"b-4","BootNotification",{"chargePointVendor":42,"chargePointModel":"M"}]""", "b-4",
                        "TypeConstraintViolation"),
                argumentSet("BootNotification unknown field", """
                        [2,"b-5","BootNotification",{"chargePointVendor":"V","chargePointModel":"M","colour":"red"}]""",
                        "b-5", "FormationViolation"),
                argumentSet("StatusNotification unknown errorCode", """
                        [2,"s-1","StatusNotification",{"connectorId":1,"errorCode":"Overheated","status":"Faulted"}]""",
                        "s-1", "PropertyConstraintViolation"),
                argumentSet("StatusNotification unknown status", """
                        [2,"s-2","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Broken"}]""",
                        "s-2", "PropertyConstraintViolation"),
                argumentSet("StatusNotification connectorId a string", """
                        [2,"s-3","StatusNotification",{"connectorId":"1","errorCode":"NoError","status":"Available"}]""",
                        "s-3", "TypeConstraintViolation"),
                argumentSet("StatusNotification negative connectorId", """
                        [2,"s-4","StatusNotification",{"connectorId":-1,"errorCode":"NoError","status":"Available"}]""",
                        "s-4", "PropertyConstraintViolation"),
                argumentSet("StatusNotification vendorErrorCode longer than 50", """
                        [2,"s-5","StatusNotification",{"connectorId":1,"errorCode":"OtherError","status":"Faulted",
                         "vendorErrorCode":"%s"}]""".formatted("E".repeat(51)), "s-5", "PropertyConstraintViolation"),
                argumentSet("StatusNotification without status", """
                        [2,"s-6","StatusNotification",{"connectorId":1,"errorCode":"NoError"}]""", "s-6",
                        "OccurenceConstraintViolation"),
                argumentSet("StatusNotification timestamp not a date-time", """
                        [2,"s-7","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available",
                         "timestamp":"yesterday"}]""", "s-7", "TypeConstraintViolation"),
                argumentSet("MeterValues without meterValue", """
                        [2,"v-1","MeterValues",{"connectorId":1}]""", "v-1", "OccurenceConstraintViolation"),
                argumentSet("MeterValues with empty meterValue", """
                        [2,"v-2","MeterValues",{"connectorId":1,"meterValue":[]}]""", "v-2",
                        "OccurenceConstraintViolation"),
                argumentSet("MeterValues with empty sampledValue", """
                        [2,"v-3","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-11-24T10:00:00Z",
                         "sampledValue":[]}]}]""", "v-3", "OccurenceConstraintViolation"),
                argumentSet("MeterValues unknown measurand", """
                        [2,"v-4","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-11-24T10:00:00Z",
                         "sampledValue":[{"value":"1","measurand":"Energy"}]}]}]""", "v-4", "PropertyConstraintViolation"),
                argumentSet("MeterValues unknown unit", """
                        [2,"v-5","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-11-24T10:00:00Z",
                         "sampledValue":[{"value":"1","unit":"MWh"}]}]}]""", "v-5", "PropertyConstraintViolation"),
                argumentSet("MeterValues value a number", """
                        [2,"v-6","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2026-11-24T10:00:00Z",
                         "sampledValue":[{"value":1}]}]}]""", "v-6", "TypeConstraintViolation"),
                argumentSet("MeterValues meterValue not an array", """
                        [2,"v-7","MeterValues",{"connectorId":1,"meterValue":{}}]""", "v-7", "TypeConstraintViolation"),
                argumentSet("StartTransaction idTag longer than 20", """
                        [2,"t-1","StartTransaction",{"connectorId":1,"idTag":"123456789012345678901","meterStart":0,
                         "timestamp":"2026-11-24T10:00:00Z"}]""", "t-1", "PropertyConstraintViolation"),
                argumentSet("StartTransaction on connector 0", """
                        [2,"t-2","StartTransaction",{"connectorId":0,"idTag":"T","meterStart":0,
                         "timestamp":"2026-11-24T10:00:00Z"}]""", "t-2", "PropertyConstraintViolation"),
                argumentSet("StartTransaction meterStart a decimal", """
                        [2,"t-3","StartTransaction",{"connectorId":1,"idTag":"T","meterStart":1.5,
                         "timestamp":"2026-11-24T10:00:00Z"}]""", "t-3", "TypeConstraintViolation"),
                argumentSet("StartTransaction without timestamp", """
                        [2,"t-4","StartTransaction",{"connectorId":1,"idTag":"T","meterStart":0}]""", "t-4",
                        "OccurenceConstraintViolation"),
                argumentSet("StopTransaction without transactionId", """
                        [2,"t-5","StopTransaction",{"meterStop":1,"timestamp":"2026-11-24T10:00:00Z"}]""", "t-5",
                        "OccurenceConstraintViolation"),
                argumentSet("StopTransaction unknown reason", """
                        [2,"t-6","StopTransaction",{"meterStop":1,"timestamp":"2026-11-24T10:00:00Z","transactionId":1,
                         "reason":"Bored"}]""", "t-6", "PropertyConstraintViolation"),
                argumentSet("Authorize without idTag", """
                        [2,"a-1","Authorize",{}]""", "a-1", "OccurenceConstraintViolation"),
                argumentSet("Authorize idTag null", """
                        [2,"a-2","Authorize",{"idTag":null}]""", "a-2", "TypeConstraintViolation"),
                argumentSet("DataTransfer vendorId longer than 255", """
                        [2,"d-1","DataTransfer",{"vendorId":"%s"}]""".formatted("v".repeat(256)), "d-1",
                        "PropertyConstraintViolation"),
                argumentSet("DataTransfer messageId longer than 50", """
                        [2,"d-2","DataTransfer",{"vendorId":"v","messageId":"%s"}]""".formatted("m".repeat(51)), "d-2",
                        "PropertyConstraintViolation"),
                argumentSet("DiagnosticsStatusNotification unknown status", """
                        [2,"d-3","DiagnosticsStatusNotification",{"status":"Done"}]""", "d-3",
                        "PropertyConstraintViolation"),
                argumentSet("FirmwareStatusNotification without status", """
                        [2,"d-4","FirmwareStatusNotification",{}]""", "d-4", "OccurenceConstraintViolation"));
    }

    @ParameterizedTest
    @MethodSource("invalidFrames")
    void invalidFrameIsAnsweredWithTheMatchingCallErrorAndNothingIsPublished(String frame, String messageId,
                                                                             String errorCode) {
        // when
        JsonNode reply = answer(frame);

        // then
        assertThat(reply.size()).isEqualTo(5);
        assertThat(reply.get(0).intValue()).isEqualTo(4);
        assertThat(reply.get(1).textValue()).isEqualTo(messageId);
        assertThat(reply.get(2).textValue()).isEqualTo(errorCode);
        assertThat(reply.get(3).isTextual()).isTrue();
        assertThat(reply.get(4).isObject()).isTrue();
        assertThat(published).isEmpty();
        assertThat(registry.find("gateway.messages.rejected").tag("protocol", "ocpp").counters())
                .extracting(counter -> counter.count()).containsOnlyOnce(1.0);
    }

    @Test
    void sessionKeepsAnsweringAfterAnInvalidFrame() {
        // given
        answer("not json");

        // when
        JsonNode reply = answer("""
                [2,"hb-1","Heartbeat",{}]""");

        // then
        assertThat(reply.get(0).intValue()).isEqualTo(3);
        assertThat(single().kind()).isEqualTo(EventKind.HEARTBEAT);
    }

    @Test
    void callErrorDescriptionNamesTheFieldButNotItsValue() {
        // when
        JsonNode reply = answer("""
                [2,"b-1","BootNotification",{"chargePointVendor":"SECRET-VALUE-123456789","chargePointModel":"M"}]""");

        // then
        assertThat(reply.get(3).textValue()).contains("chargePointVendor").doesNotContain("SECRET");
    }

    @Test
    void answersFromTheChargePointAreNotAnsweredAgain() {
        // when
        CompletableFuture<String> reply = conversation.onText(session, """
                [3,"never-sent",{}]""").toCompletableFuture();

        // then
        assertThat(reply).isCompletedWithValue(null);
        assertThat(published).isEmpty();
    }

    private JsonNode answer(String frame) {
        String reply = conversation.onText(session, frame).toCompletableFuture().join();
        try {
            return JSON.readTree(reply);
        } catch (Exception e) {
            throw new AssertionError("reply is not JSON: " + reply, e);
        }
    }

    private DeviceEvent single() {
        assertThat(published).hasSize(1);
        return published.get(0);
    }

    private static org.assertj.core.data.Offset<Double> withinMilli() {
        return org.assertj.core.data.Offset.offset(0.001);
    }

    /** A connection that records what the gateway sends and never fails. */
    static final class RecordingLink implements ChargePointLink {
        final List<String> sent = new ArrayList<>();
        boolean closed;

        @Override
        public synchronized CompletionStage<Void> send(String frame) {
            sent.add(frame);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
