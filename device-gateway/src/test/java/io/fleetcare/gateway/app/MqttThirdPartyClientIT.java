package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 3, acceptance 2: a third-party MQTT 5 client (Debian's {@code mosquitto_pub}) against the gateway. */
@QuarkusTest
@WithTestResource(GatewayInfrastructure.class)
class MqttThirdPartyClientIT {

    private static final Path MOSQUITTO_PUB = Path.of("/usr/bin/mosquitto_pub");
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @ConfigProperty(name = "fleetcare.mqtt.server-uri")
    String brokerUri;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaConsumer<String, String> telemetry;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    @BeforeEach
    void gatewayIsReady() {
        assumeTrue(Files.isExecutable(MOSQUITTO_PUB), "mosquitto_pub is not installed (Debian package mosquitto-clients)");
        await().atMost(DELIVERY).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        telemetry = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(Topics.DEVICE_TELEMETRY, 0);
        telemetry.assign(List.of(partition));
        telemetry.seekToBeginning(List.of(partition));
    }

    @AfterEach
    void closeConsumer() {
        if (telemetry != null) {
            telemetry.close();
        }
    }

    @Test
    void telemetryPublishedByMosquittoPubArrivesOnKafkaAsDeviceEvent() throws Exception {
        // given a box whose clock is an hour behind (beyond the gateway's 5-minute tolerance)
        Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3_600);
        String body = """
                {"ts":"%s","seq":7,"type":"SET_TOP_BOX","model":"STB-4K-200",\
                "metrics":{"cpu_temp_c":63.5,"cpu_pct":41,"mem_free_mb":180}}""".formatted(ts);

        // when
        int exitCode = mosquittoPub(GatewayInfrastructure.DEVICE, GatewayInfrastructure.DEVICE_SECRET,
                "devices/" + GatewayInfrastructure.DEVICE + "/telemetry", body);

        // then
        assertThat(exitCode).isZero();
        ConsumerRecord<String, String> record = awaitRecord(r -> ts.equals(decode(r).reportedTs()));
        DeviceEvent event = decode(record);
        assertThat(event.clockSkewed()).isTrue();
        assertThat(event.deviceTs()).isEqualTo(event.receivedTs());
        assertThat(record.key()).isEqualTo(GatewayInfrastructure.DEVICE);
        assertThat(event.deviceId()).isEqualTo(GatewayInfrastructure.DEVICE);
        assertThat(event.protocol()).isEqualTo(Protocol.MQTT);
        assertThat(event.kind()).isEqualTo(EventKind.METRICS);
        assertThat(event.deviceType()).isEqualTo(DeviceType.SET_TOP_BOX);
        assertThat(event.model()).isEqualTo("STB-4K-200");
        assertThat(event.metrics()).containsExactlyInAnyOrderEntriesOf(
                Map.of("cpu_temp_c", 63.5, "cpu_pct", 41.0, "mem_free_mb", 180.0));
    }

    @Test
    void mosquittoPubAsOneDeviceOnAnotherDevicesTopicYieldsNothingForIt() throws Exception {
        // given
        Instant forged = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(7_200);
        Instant marker = forged.plusMillis(1);

        // when STB-1 publishes on STB-2's topic, then on its own
        mosquittoPub(GatewayInfrastructure.DEVICE, GatewayInfrastructure.DEVICE_SECRET,
                "devices/" + GatewayInfrastructure.OTHER_DEVICE + "/telemetry",
                "{\"ts\":\"%s\",\"metrics\":{\"cpu_temp_c\":99}}".formatted(forged));
        int markerExit = mosquittoPub(GatewayInfrastructure.DEVICE, GatewayInfrastructure.DEVICE_SECRET,
                "devices/" + GatewayInfrastructure.DEVICE + "/telemetry",
                "{\"ts\":\"%s\",\"metrics\":{\"cpu_temp_c\":40}}".formatted(marker));

        // then everything up to STB-1's later message has arrived, and nothing of it is STB-2's
        assertThat(markerExit).isZero();
        awaitRecord(r -> marker.equals(decode(r).reportedTs()));
        assertThat(seen).extracting(ConsumerRecord::key).doesNotContain(GatewayInfrastructure.OTHER_DEVICE);
        assertThat(seen).noneMatch(r -> forged.equals(decode(r).reportedTs()));
    }

    /** Runs {@code mosquitto_pub -V mqttv5 -q 1} as the given device; returns its exit code. */
    private int mosquittoPub(String username, String password, String topic, String body)
            throws IOException, InterruptedException {
        URI broker = URI.create(brokerUri);
        Process process = new ProcessBuilder(MOSQUITTO_PUB.toString(), "-V", "mqttv5",
                "-h", broker.getHost(), "-p", String.valueOf(broker.getPort()),
                "-i", username, // the broker takes a device only under its own id as client id
                "-u", username, "-P", password, "-q", "1", "-t", topic, "-m", body)
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mosquitto_pub did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0 && !output.isBlank()) {
            System.err.println("mosquitto_pub: " + output.strip());
        }
        return process.exitValue();
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
}
