package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Topics;
import io.fleetcare.gateway.ocpp.CallAnswer;
import io.fleetcare.gateway.ocpp.ChargePointCalls;
import io.fleetcare.gateway.ocpp.ChargePointNotConnected;
import io.fleetcare.gateway.ocpp.OutboundCall;
import io.fleetcare.gateway.ocpp.RawChargePoint;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GatewayInfrastructure.class)
class OcppServerIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI http;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ChargePointCalls calls;

    private final List<RawChargePoint> opened = new ArrayList<>();

    @AfterEach
    void disconnect() {
        opened.forEach(RawChargePoint::close);
    }

    @Test
    void tc001ColdBootChargePointIsAcceptedAndReachesKafkaAsDeviceEvent() throws Exception {
        // given
        Instant connectedAfter = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RawChargePoint chargePoint = connect();
        String firmware = "fw-" + UUID.randomUUID().toString().substring(0, 8);

        // when
        JsonNode reply = json(chargePoint.exchange("""
                [2,"boot-1","BootNotification",{"chargePointVendor":"Acme","chargePointModel":"AC-22",
                 "firmwareVersion":"%s"}]""".formatted(firmware)));

        // then
        assertThat(chargePoint.subprotocol()).isEqualTo("ocpp1.6");
        assertThat(reply.get(0).intValue()).isEqualTo(3);
        assertThat(reply.get(1).textValue()).isEqualTo("boot-1");
        assertThat(reply.get(2).get("status").textValue()).isEqualTo("Accepted");
        assertThat(reply.get(2).get("interval").intValue()).isEqualTo(60);
        assertThat(reply.get(2).get("currentTime").textValue()).isNotBlank();
        ConsumerRecord<String, String> record = awaitRecord(r -> decode(r).event() != null
                && decode(r).event().detail() != null && decode(r).event().detail().contains(firmware));
        DeviceEvent boot = decode(record);
        assertThat(record.key()).isEqualTo(GatewayInfrastructure.CHARGER);
        assertThat(boot.deviceType()).isEqualTo(DeviceType.EV_CHARGER);
        assertThat(boot.protocol()).isEqualTo(Protocol.OCPP16);
        assertThat(boot.kind()).isEqualTo(EventKind.EVENT);
        assertThat(boot.model()).isEqualTo("AC-22");
        DeviceEvent connected = decode(awaitRecord(r -> decode(r).kind() == EventKind.CONNECTION
                && decode(r).event().name().equals("CONNECTED") && !decode(r).receivedTs().isBefore(connectedAfter)));
        assertThat(connected.deviceId()).isEqualTo(GatewayInfrastructure.CHARGER);
        assertThat(connected.model()).isEqualTo(GatewayInfrastructure.CHARGER_MODEL);
        assertThat(metric("gateway_devices_connected{protocol=\"ocpp\"}")).isEqualTo(1.0);
    }

    @Test
    void wrongPasswordCannotConnect() {
        // given
        double before = metric(refused("bad_credentials"));

        // when
        int status = refusedStatus(RawChargePoint.connect(ws(), GatewayInfrastructure.CHARGER, "ocpp1.6", "wrong"));

        // then
        assertThat(status).isEqualTo(401);
        assertThat(metric(refused("bad_credentials"))).isEqualTo(before + 1);
    }

    @Test
    void chargerWithoutCredentialsIsChallenged() {
        // given
        double before = metric(refused("missing_credentials"));

        // when
        int status = refusedStatus(RawChargePoint.connect(ws(), GatewayInfrastructure.CHARGER, "ocpp1.6", null));

        // then
        assertThat(status).isEqualTo(401);
        assertThat(metric(refused("missing_credentials"))).isEqualTo(before + 1);
    }

    @Test
    void unknownChargerCannotConnect() {
        // given
        double before = metric(refused("unknown_charger"));

        // when
        int status = refusedStatus(RawChargePoint.connect(ws(), "CP-404", "ocpp1.6",
                GatewayInfrastructure.CHARGER_PASSWORD));

        // then
        assertThat(status).isEqualTo(401);
        assertThat(metric(refused("unknown_charger"))).isEqualTo(before + 1);
    }

    @Test
    void clientWithoutOcppSubprotocolCannotConnect() {
        // given
        double before = metric(refused("no_subprotocol"));

        // when
        int withoutSubprotocol = refusedStatus(RawChargePoint.connect(ws(), GatewayInfrastructure.CHARGER, null,
                GatewayInfrastructure.CHARGER_PASSWORD));
        int withOtherSubprotocol = refusedStatus(RawChargePoint.connect(ws(), GatewayInfrastructure.CHARGER,
                "ocpp2.0.1", GatewayInfrastructure.CHARGER_PASSWORD));

        // then
        assertThat(withoutSubprotocol).isEqualTo(400);
        assertThat(withOtherSubprotocol).isEqualTo(400);
        assertThat(metric(refused("no_subprotocol"))).isEqualTo(before + 2);
    }

    @Test
    void thousandMalformedFramesEachGetACallErrorAndTheSessionStillAnswersAHeartbeat() throws Exception {
        // given
        RawChargePoint chargePoint = connect();
        String rejected = "gateway_messages_rejected_total{protocol=\"ocpp\",reason=\"malformed_payload\"}";
        double rejectedBefore = metric(rejected);
        String[] malformed = {
            "[2,\"bad-%d\",",
            "[2,\"bad-%d\",\"NoSuchAction\",{}]",
            "[2,\"bad-%d\",\"Heartbeat\",[]]",
            "[2,\"bad-%d\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"Nope\",\"status\":\"Available\"}]"};
        String[] expectedCode = {
            "FormationViolation", "NotImplemented", "FormationViolation", "PropertyConstraintViolation"};

        // when
        for (int i = 0; i < 1000; i++) {
            chargePoint.send(malformed[i % 4].formatted(i));
        }
        List<JsonNode> errors = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            errors.add(json(chargePoint.next()));
        }
        JsonNode heartbeat = json(chargePoint.exchange("""
                [2,"hb-after-1000","Heartbeat",{}]"""));

        // then
        for (int i = 0; i < 1000; i++) {
            JsonNode error = errors.get(i);
            assertThat(error.get(0).intValue()).as("frame %d", i).isEqualTo(4);
            assertThat(error.get(1).textValue()).as("frame %d", i).isEqualTo(i % 4 == 0 ? "-1" : "bad-" + i);
            assertThat(error.get(2).textValue()).as("frame %d", i).isEqualTo(expectedCode[i % 4]);
        }
        assertThat(heartbeat.get(0).intValue()).isEqualTo(3);
        assertThat(heartbeat.get(1).textValue()).isEqualTo("hb-after-1000");
        assertThat(heartbeat.get(2).get("currentTime").textValue()).isNotBlank();
        assertThat(metric(rejected)).isEqualTo(rejectedBefore + 500);
    }

    @Test
    void triggerMessageAndGetConfigurationRoundTripToTheChargePoint() throws Exception {
        // given
        RawChargePoint chargePoint = connect();
        chargePoint.exchange("""
                [2,"boot-2","BootNotification",{"chargePointVendor":"Acme","chargePointModel":"AC-22"}]""");

        // when the gateway triggers a StatusNotification and the charge point accepts
        CompletableFuture<CallAnswer> trigger = calls.call(GatewayInfrastructure.CHARGER,
                OutboundCall.triggerMessage("StatusNotification", 1)).toCompletableFuture();
        JsonNode triggerCall = json(chargePoint.next());
        chargePoint.send("[3,\"%s\",{\"status\":\"Accepted\"}]".formatted(triggerCall.get(1).textValue()));

        // and the gateway asks for the configuration
        CompletableFuture<CallAnswer> configuration = calls.call(GatewayInfrastructure.CHARGER,
                OutboundCall.getConfiguration(List.of("HeartbeatInterval", "Colour"))).toCompletableFuture();
        JsonNode configurationCall = json(chargePoint.next());
        chargePoint.send("""
                [3,"%s",{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"60"}],
                 "unknownKey":["Colour"]}]""".formatted(configurationCall.get(1).textValue()));

        // then
        assertThat(triggerCall.get(0).intValue()).isEqualTo(2);
        assertThat(triggerCall.get(2).textValue()).isEqualTo("TriggerMessage");
        assertThat(triggerCall.get(3).get("requestedMessage").textValue()).isEqualTo("StatusNotification");
        assertThat(trigger.get()).isInstanceOfSatisfying(CallAnswer.Result.class,
                result -> assertThat(result.payload().get("status").textValue()).isEqualTo("Accepted"));
        assertThat(configurationCall.get(2).textValue()).isEqualTo("GetConfiguration");
        assertThat(configurationCall.get(3).get("key")).hasSize(2);
        assertThat(configuration.get()).isInstanceOfSatisfying(CallAnswer.Result.class, result -> {
            assertThat(result.payload().get("configurationKey").get(0).get("value").textValue()).isEqualTo("60");
            assertThat(result.payload().get("unknownKey").get(0).textValue()).isEqualTo("Colour");
        });
    }

    @Test
    void callToAChargerThatIsNotConnectedFails() {
        // when
        CompletableFuture<CallAnswer> answer = calls.call("CP-404", OutboundCall.reset("Soft")).toCompletableFuture();

        // then
        assertThat(answer).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(ChargePointNotConnected.class);
    }

    private RawChargePoint connect() throws Exception {
        RawChargePoint chargePoint = RawChargePoint.connect(ws(), GatewayInfrastructure.CHARGER, "ocpp1.6",
                GatewayInfrastructure.CHARGER_PASSWORD).get();
        opened.add(chargePoint);
        return chargePoint;
    }

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    private static int refusedStatus(CompletableFuture<RawChargePoint> attempt) {
        try {
            RawChargePoint unexpected = attempt.get();
            unexpected.close();
            throw new AssertionError("the gateway accepted the connection");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String refused(String reason) {
        return "gateway_connections_refused_total{protocol=\"ocpp\",reason=\"" + reason + "\"}";
    }

    private ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> wanted) {
        try (KafkaConsumer<String, String> telemetry = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.DEVICE_TELEMETRY, 0);
            telemetry.assign(List.of(partition));
            telemetry.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            return await().atMost(DELIVERY).until(() -> {
                telemetry.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().filter(wanted).findFirst().orElse(null);
            }, found -> found != null);
        }
    }

    private static DeviceEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(record.value(), DeviceEvent.class);
    }

    private static JsonNode json(String frame) throws Exception {
        return JSON.readTree(frame);
    }

    /** The value of one Prometheus sample on /q/metrics, 0 when it is not there yet. */
    private static double metric(String sample) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
                .findFirst()
                .orElse(0.0);
    }
}
