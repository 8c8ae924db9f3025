package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Topics;
import io.fleetcare.gateway.coap.CoapIngestServer;
import io.fleetcare.gateway.ocpp.RawChargePoint;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

/**
 * A real Kafka outage: the in-process broker is closed (its port stops listening) while devices keep sending, and
 * started again on the same data directory. The test kit cannot bring a broker back on the same port, nor can the
 * broker be told to advertise another address, so the gateway knows Kafka by the address of a {@link TcpRelay} in
 * front of it (as it would know a DNS name in production): the producer bootstraps through the relay, talks to the
 * broker's own port, loses it when the broker stops, and after the restart finds the broker on its new port by
 * bootstrapping through the relay again ({@code metadata.recovery.strategy=rebootstrap}). The relay never drops
 * anything on its own: it only reflects whether the broker is up.
 *
 * <p>MQTT acceptance is the gateway's acknowledgement to the broker, which the device cannot see; the test reads it
 * from {@code gateway_spool_events_spooled_total{protocol="mqtt"}}. OCPP acceptance is the CALLRESULT, CoAP's 2.04.
 */
@QuarkusTest
@WithTestResource(KafkaOutageInfrastructure.class)
class KafkaOutageIT {

    private static final Duration DELIVERY = Duration.ofSeconds(90);
    private static final long COAP_TIMEOUT_MS = 30_000;
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    @TestHTTPResource("/")
    URI http;

    @Inject
    CoapIngestServer coap;

    @Test
    void messagesAcceptedWhileKafkaIsDownArriveExactlyOnceWhenItReturns() throws Exception {
        // given
        await().atMost(DELIVERY).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        KafkaOutageInfrastructure infrastructure = KafkaOutageInfrastructure.running();
        List<Instant> accepted = new ArrayList<>();
        try (RawChargePoint charger = RawChargePoint.connect(ws(), GatewayInfrastructure.CHARGER, "ocpp1.6",
                GatewayInfrastructure.CHARGER_PASSWORD).get()) {
            Instant boot = uniqueTimestamp();
            assertThat(charger.exchange(statusNotification("before", boot))).startsWith("[3,\"before\"");
            MqttClient device = connectDevice();
            double spooledMqtt = metric("gateway_spool_events_spooled_total{protocol=\"mqtt\"}");

            // when
            infrastructure.stopKafka();
            for (int i = 0; i < 3; i++) {
                Instant ts = uniqueTimestamp();
                device.publish("devices/STB-1/telemetry", mqttMessage(telemetry(ts)));
                accepted.add(ts);
            }
            for (int i = 0; i < 3; i++) {
                Instant ts = uniqueTimestamp();
                assertThat(charger.exchange(statusNotification("during-" + i, ts)))
                        .as("CALLRESULT once stored").isEqualTo("[3,\"during-" + i + "\",{}]");
                accepted.add(ts);
            }
            for (int i = 0; i < 2; i++) {
                Instant ts = uniqueTimestamp();
                assertThat(coapPost(telemetry(ts)).getCode()).isEqualTo(ResponseCode.CHANGED);
                accepted.add(ts);
            }
            await().atMost(DELIVERY).until(
                    () -> metric("gateway_spool_events_spooled_total{protocol=\"mqtt\"}") >= spooledMqtt + 3);
            Boolean spooling = given().get("/q/health/ready").then().statusCode(200).extract()
                    .path("checks.find { it.name == 'kafka-spool' }.data.spooling");
            assertThat(spooling).as("readiness UP and spooling").isTrue();
            assertThat(metric("gateway_spool_events")).isGreaterThanOrEqualTo(8.0);
            device.disconnect();
            device.close();

            infrastructure.startKafka();

            // then
            await().atMost(DELIVERY).until(() -> metric("gateway_spool_events") == 0.0);
            Map<Instant, List<DeviceEvent>> arrived = readTelemetry(infrastructure, accepted);
            for (Instant ts : accepted) {
                assertThat(arrived.get(ts)).as("records with device time %s", ts).hasSize(1);
            }
            assertThat(arrived.values().stream().flatMap(List::stream).map(DeviceEvent::eventId).distinct())
                    .hasSize(accepted.size());
            assertThat(metric("gateway_spool_events_drained_total{protocol=\"ocpp\"}")).isGreaterThanOrEqualTo(3.0);
        }
    }

    @Test
    void fullSpoolRefusesWith503InsteadOfLosingTheMessage() throws Exception {
        // given
        await().atMost(DELIVERY).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        KafkaOutageInfrastructure infrastructure = KafkaOutageInfrastructure.running();
        infrastructure.stopKafka();
        List<Instant> accepted = new ArrayList<>();
        ResponseCode last = ResponseCode.CHANGED;

        // when
        for (int i = 0; i < 200 && last == ResponseCode.CHANGED; i++) {
            Instant ts = uniqueTimestamp();
            last = coapPost(telemetry(ts)).getCode();
            if (last == ResponseCode.CHANGED) {
                accepted.add(ts);
            }
        }

        // then
        assertThat(last).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
        assertThat(accepted).isNotEmpty();
        assertThat(metric("gateway_spool_events_refused_total{protocol=\"coap\"}")).isGreaterThanOrEqualTo(1.0);
        infrastructure.startKafka();
        await().atMost(DELIVERY).until(() -> metric("gateway_spool_events") == 0.0);
        Map<Instant, List<DeviceEvent>> arrived = readTelemetry(infrastructure, accepted);
        for (Instant ts : accepted) {
            assertThat(arrived.get(ts)).as("records with device time %s", ts).hasSize(1);
        }
    }

    private Map<Instant, List<DeviceEvent>> readTelemetry(KafkaOutageInfrastructure infrastructure,
            List<Instant> expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.DEVICE_TELEMETRY, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(DELIVERY).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.stream().map(r -> decode(r).deviceTs()).collect(Collectors.toSet())
                        .containsAll(expected);
            });
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream().map(KafkaOutageIT::decode)
                    .filter(event -> expected.contains(event.deviceTs()))
                    .collect(Collectors.groupingBy(DeviceEvent::deviceTs, Collectors.mapping(Function.identity(),
                            Collectors.toList())));
        }
    }

    private MqttClient connectDevice() throws Exception {
        String brokerUri = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("fleetcare.mqtt.server-uri", String.class);
        MqttClient device = new MqttClient(brokerUri, GatewayInfrastructure.DEVICE,
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(GatewayInfrastructure.DEVICE);
        options.setPassword(GatewayInfrastructure.DEVICE_SECRET.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        device.connect(options);
        return device;
    }

    private static MqttMessage mqttMessage(String body) {
        MqttMessage message = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        return message;
    }

    private CoapResponse coapPost(String body) throws Exception {
        InetSocketAddress address = coap.plainAddress().orElseThrow();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(Configuration.createStandardWithoutFile())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        CoapClient client = new CoapClient("coap://127.0.0.1:" + address.getPort() + "/devices/STB-1/telemetry");
        client.setEndpoint(endpoint);
        client.setTimeout(COAP_TIMEOUT_MS);
        try {
            CoapResponse response = client.post(body.getBytes(StandardCharsets.UTF_8),
                    MediaTypeRegistry.APPLICATION_JSON);
            assertThat(response).as("a CoAP response within %d ms", COAP_TIMEOUT_MS).isNotNull();
            return response;
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }

    private static String telemetry(Instant ts) {
        return """
                {"ts":"%s","seq":%d,"type":"SET_TOP_BOX","metrics":{"cpu_temp_c":55.0}}"""
                .formatted(ts, SEQUENCE.get());
    }

    private static String statusNotification(String messageId, Instant ts) {
        return """
                [2,"%s","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available",
                 "timestamp":"%s"}]""".formatted(messageId, ts);
    }

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    private static DeviceEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(record.value(), DeviceEvent.class);
    }

    private static double metric(String sample) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
                .findFirst()
                .orElse(0.0);
    }

    /** A device time no other message of this run carries, so each message is found by it. */
    private static Instant uniqueTimestamp() {
        return START.plusMillis(SEQUENCE.incrementAndGet());
    }
}
