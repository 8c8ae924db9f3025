package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GatewayInfrastructure.class)
class MqttIngestIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    @ConfigProperty(name = "fleetcare.mqtt.server-uri")
    String brokerUri;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private MqttClient device;
    private KafkaConsumer<String, String> telemetry;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    @BeforeEach
    void gatewayIsReadyAndDeviceConnected() throws MqttException {
        await().atMost(DELIVERY).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        device = new MqttClient(brokerUri, GatewayInfrastructure.DEVICE,
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(GatewayInfrastructure.DEVICE);
        options.setPassword(GatewayInfrastructure.DEVICE_SECRET.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        device.connect(options);
        telemetry = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(Topics.DEVICE_TELEMETRY, 0);
        telemetry.assign(List.of(partition));
        telemetry.seekToBeginning(List.of(partition));
    }

    @AfterEach
    void disconnect() throws MqttException {
        if (device != null) {
            device.disconnect();
            device.close();
        }
        if (telemetry != null) {
            telemetry.close();
        }
    }

    @Test
    void deviceTelemetryArrivesOnKafkaAsDeviceEventKeyedByDevice() throws MqttException {
        // given
        Instant ts = uniqueTimestamp();
        Instant publishedAfter = Instant.now();
        String body = """
                {"ts":"%s","seq":42,"type":"SET_TOP_BOX","model":"STB-4K-200","deviceId":"STB-2",
                 "metrics":{"cpu_temp_c":61.5,"cpu_pct":37,"mem_free_mb":212,"tuner_snr_db":31.2,
                            "tuner_ber":1e-7,"uptime_s":86400,"fw":"1.2.3"}}""".formatted(ts);

        // when
        publish("devices/STB-1/telemetry", body);

        // then
        ConsumerRecord<String, String> record = awaitRecord(r -> decode(r).deviceTs().equals(ts));
        DeviceEvent event = decode(record);
        assertThat(record.key()).isEqualTo("STB-1");
        assertThat(event.deviceId()).isEqualTo("STB-1");
        assertThat(UUID.fromString(event.eventId())).isNotNull();
        assertThat(event.deviceType()).isEqualTo(DeviceType.SET_TOP_BOX);
        assertThat(event.model()).isEqualTo("STB-4K-200");
        assertThat(event.protocol()).isEqualTo(Protocol.MQTT);
        assertThat(event.kind()).isEqualTo(EventKind.METRICS);
        assertThat(event.receivedTs()).isAfterOrEqualTo(publishedAfter.truncatedTo(ChronoUnit.MILLIS));
        assertThat(event.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cpu_temp_c", 61.5, "cpu_pct", 37.0, "mem_free_mb", 212.0, "tuner_snr_db", 31.2,
                "tuner_ber", 1e-7, "uptime_s", 86400.0));
        assertThat(event.status()).isNull();
        assertThat(event.event()).isNull();
        assertThat(metric("gateway_mqtt_connected")).isEqualTo(1.0);
    }

    @Test
    void deviceEventArrivesAsOccurrence() throws MqttException {
        // given
        Instant ts = uniqueTimestamp();

        // when
        publish("devices/STB-1/events", """
                {"ts":"%s","event":"ERROR","code":"DECODER_HANG","detail":"no frames"}""".formatted(ts));

        // then
        DeviceEvent event = decode(awaitRecord(r -> decode(r).deviceTs().equals(ts)));
        assertThat(event.kind()).isEqualTo(EventKind.EVENT);
        assertThat(event.deviceId()).isEqualTo("STB-1");
        assertThat(event.event()).isEqualTo(new DeviceOccurrence("ERROR", null, "DECODER_HANG", "no frames"));
    }

    @Test
    void malformedMessageIsCountedAndTheNextMessageStillArrives() throws MqttException {
        // given
        String rejected = "gateway_messages_rejected_total{protocol=\"mqtt\",reason=\"malformed_payload\"}";
        double rejectedBefore = metric(rejected);
        double forwardedBefore = metric("gateway_messages_forwarded_total{protocol=\"mqtt\"}");
        Instant ts = uniqueTimestamp();

        // when
        publish("devices/STB-1/telemetry", "{\"ts\":\"" + ts + "\", metrics: oops");
        publish("devices/STB-1/telemetry", "{\"ts\":\"%s\",\"metrics\":{\"cpu_temp_c\":55}}".formatted(ts));

        // then
        DeviceEvent good = decode(awaitRecord(r -> decode(r).deviceTs().equals(ts)));
        assertThat(good.metrics()).containsExactly(Map.entry("cpu_temp_c", 55.0));
        assertThat(seen.stream().filter(r -> decode(r).deviceTs().equals(ts))).hasSize(1);
        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(metric(rejected)).isEqualTo(rejectedBefore + 1);
            assertThat(metric("gateway_messages_forwarded_total{protocol=\"mqtt\"}")).isEqualTo(forwardedBefore + 1);
        });
    }

    @Test
    void deviceCannotPublishForAnotherDevice() throws MqttException {
        // given
        Instant marker = uniqueTimestamp();

        // when STB-1 publishes on STB-2's topic, then on its own
        try {
            publish("devices/STB-2/telemetry", "{\"metrics\":{\"cpu_temp_c\":99}}");
        } catch (MqttException refusedByBroker) {
            // an MQTT 5 broker may answer the publish with "not authorized"; nothing else to check here
        }
        publish("devices/STB-1/telemetry", "{\"ts\":\"%s\",\"metrics\":{\"cpu_temp_c\":40}}".formatted(marker));

        // then everything up to STB-1's later message has arrived, and none of it is STB-2's
        awaitRecord(r -> decode(r).deviceTs().equals(marker));
        assertThat(seen).extracting(ConsumerRecord::key).doesNotContain(GatewayInfrastructure.OTHER_DEVICE);
    }

    private void publish(String topic, String body) throws MqttException {
        MqttMessage message = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        device.publish(topic, message);
    }

    private ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> wanted) {
        return await().atMost(DELIVERY).until(() -> {
            telemetry.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(wanted).findFirst().orElse(null);
        }, found -> found != null);
    }

    private static DeviceEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(record.value(), DeviceEvent.class);
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

    /** A device time no other message of this run carries, so each test finds its own record. */
    private static Instant uniqueTimestamp() {
        return START.plusMillis(SEQUENCE.incrementAndGet());
    }
}
