package io.fleetcare.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.fleetcare.gateway.ocpp.frame.CallErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import io.fleetcare.gateway.fuzz.RandomInputs;
import org.junit.jupiter.api.Test;

/**
 * Generated OCPP-J frames, from random text to valid calls with one field broken, through the whole inbound pipeline
 * (parse, validate, dispatch, reply). Whatever arrives: no exception escapes, the answer is a CALLRESULT or a
 * CALLERROR with an OCPP 1.6 error code, a refusal publishes nothing and is counted under a reason, and the session
 * stays open. {@link RandomInputs#CASES} cases per test (1,000 in the test command; {@code bench/fuzz/run.sh} runs
 * 10,000 and more); the seed is fixed so that a failure repeats.
 */
class ChargePointConversationFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> ERROR_CODES = Arrays.stream(CallErrorCode.values()).map(Enum::name)
            .collect(Collectors.toSet());
    private static final List<String> ACTIONS = List.of("BootNotification", "Heartbeat", "StatusNotification",
            "MeterValues", "StartTransaction", "StopTransaction", "Authorize", "DataTransfer",
            "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Reset", "MakeCoffee", "");

    @Test
    void randomTextNeverEscapesThePipeline() {
        RandomInputs.forEachCase("ocpp-text", inputs -> inputs.text(300), ChargePointConversationFuzzTest::check);
    }

    @Test
    void framesShapedLikeOcppWithAnyElementsAreAnsweredOrRefusedWithAnOcppCode() {
        RandomInputs.forEachCase("ocpp-shaped", ChargePointConversationFuzzTest::shapedFrame,
                ChargePointConversationFuzzTest::check);
    }

    @Test
    void validCallsWithOneFieldBrokenAreAnsweredOrRefusedWithoutPublishing() {
        RandomInputs.forEachCase("ocpp-broken", ChargePointConversationFuzzTest::brokenCall,
                ChargePointConversationFuzzTest::check);
    }

    @Test
    void deeplyNestedPayloadsAreRefusedNotOverflowingTheStack() {
        for (int depth : new int[] {10, 100, 999, 1_001, 5_000, 50_000, 200_000}) {
            String frame = "[2,\"deep\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":" + "[".repeat(depth)
                    + "]".repeat(depth) + "}]";
            Outcome outcome = check(frame);
            if (depth > 1_000) {
                assertThat(outcome.errorCode()).as("nesting %d, past Jackson's limit", depth).isNotNull();
            }
        }
    }

    // ---- the one check ---------------------------------------------------------------------------------------

    private record Outcome(String errorCode) {
    }

    private static Outcome check(String frame) {
        try {
            return assertRefusedOrAnswered(frame);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Outcome assertRefusedOrAnswered(String frame) throws Exception {
        List<DeviceEvent> published = new ArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ChargePointConversation conversation = new ChargePointConversation(event -> {
            published.add(event);
            return CompletableFuture.completedFuture(null);
        }, new IngestMetrics(registry), 60, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));
        ChargePointConversationTest.RecordingLink link = new ChargePointConversationTest.RecordingLink();
        ChargePointSession session = new ChargePointSession("CP-FUZZ", "connection-fuzz", link, "AC-22");

        String reply = conversation.onText(session, frame).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(link.closed).as("the session stays open").isFalse();
        if (reply == null) {
            // an answer to a call the gateway never made: logged and dropped, nothing published
            assertThat(published).isEmpty();
            return new Outcome(null);
        }
        JsonNode answer = JSON.readTree(reply);
        assertThat(answer.isArray()).as("reply %s", reply).isTrue();
        int type = answer.path(0).asInt();
        assertThat(type).as("reply %s", reply).isIn(3, 4);
        assertThat(answer.path(1).isTextual()).as("message id of %s", reply).isTrue();
        if (type == 3) {
            assertThat(answer.size()).isEqualTo(3);
            assertThat(answer.path(2).isObject()).isTrue();
            return new Outcome(null);
        }
        assertThat(answer.size()).isEqualTo(5);
        String code = answer.path(2).asText();
        assertThat(ERROR_CODES).as("CALLERROR code of %s", reply).contains(code);
        assertThat(code).as("no internal error for device input").isNotEqualTo("InternalError");
        assertThat(answer.path(3).isTextual()).isTrue();
        assertThat(answer.path(4).isObject()).isTrue();
        assertThat(published).as("a refused frame publishes nothing").isEmpty();
        double rejected = registry.find("gateway.messages.rejected").counters().stream()
                .mapToDouble(Counter::count).sum();
        assertThat(rejected).as("the refusal is counted under a reason").isEqualTo(1.0);
        return new Outcome(code);
    }

    // ---- generators ------------------------------------------------------------------------------------------

    private static final List<String> FIELDS = List.of("connectorId", "status", "errorCode", "meterValue",
            "timestamp", "idTag", "value", "sampledValue", "transactionId", "chargePointVendor", "chargePointModel",
            "measurand", "unit", "reason", "meterStart", "meterStop", "vendorId", "data");

    private static String shapedFrame(RandomInputs inputs) {
        int type = inputs.oneOf(List.of(2, 2, 2, 3, 4, 5, -1, 0));
        ArrayNode frame = NODES.arrayNode();
        frame.add(type);
        frame.add(inputs.chance(0.8) ? "id-" + inputs.between(0, 999) : inputs.text(60));
        if (type == 2) {
            frame.add(inputs.oneOf(ACTIONS));
        }
        frame.add(inputs.json(3, FIELDS));
        if (inputs.chance(0.2)) {
            frame.add(inputs.json(1, FIELDS));
        }
        if (inputs.chance(0.2)) {
            frame.remove(frame.size() - 1);
        }
        return frame.toString();
    }

    private static String brokenCall(RandomInputs inputs) {
        ArrayNode frame;
        try {
            frame = (ArrayNode) JSON.readTree(inputs.oneOf(validCalls()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ObjectNode payload = (ObjectNode) frame.get(3);
        List<String> fields = new ArrayList<>();
        payload.fieldNames().forEachRemaining(fields::add);
        String field = fields.isEmpty() ? "extra" : inputs.oneOf(fields);
        switch (inputs.between(0, 5)) {
            case 0 -> payload.set(field, inputs.json(2, FIELDS));
            case 1 -> payload.remove(field);
            case 2 -> payload.set("unexpected", inputs.json(1, FIELDS));
            case 3 -> payload.put(field, "x".repeat(inputs.between(21, 20_000)));
            case 4 -> frame.set(1, NODES.textNode("id".repeat(inputs.between(19, 200))));
            default -> {
                // a valid call: the pipeline must accept it
            }
        }
        return frame.toString();
    }

    private static List<String> validCalls() {
        return List.of(
                "[2,\"b\",\"BootNotification\",{\"chargePointVendor\":\"Acme\",\"chargePointModel\":\"AC-22\","
                        + "\"firmwareVersion\":\"1.4\"}]",
                "[2,\"h\",\"Heartbeat\",{}]",
                "[2,\"s\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"GroundFailure\","
                        + "\"status\":\"Faulted\",\"timestamp\":\"2026-12-07T09:59:00Z\"}]",
                "[2,\"m\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":7,\"meterValue\":[{\"timestamp\":"
                        + "\"2026-12-07T09:59:00Z\",\"sampledValue\":[{\"value\":\"12.5\",\"measurand\":"
                        + "\"Temperature\",\"unit\":\"Celsius\"}]}]}]",
                "[2,\"t\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"TAG\",\"meterStart\":0,"
                        + "\"timestamp\":\"2026-12-07T09:59:00Z\"}]",
                "[2,\"p\",\"StopTransaction\",{\"transactionId\":7,\"meterStop\":10,"
                        + "\"timestamp\":\"2026-12-07T09:59:00Z\",\"reason\":\"Local\"}]",
                "[2,\"a\",\"Authorize\",{\"idTag\":\"TAG\"}]",
                "[2,\"f\",\"FirmwareStatusNotification\",{\"status\":\"Installed\"}]");
    }
}
