package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceStatus;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.ModbusRegisterMap;
import io.fleetcare.events.ModbusRegistration;
import io.fleetcare.events.Topics;
import io.fleetcare.gateway.modbus.ModbusPoller;
import io.fleetcare.gateway.modbus.ModbusRegistryConsumer;
import io.fleetcare.gateway.modbus.ModbusSitePeer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, acceptance 1 (gateway half): a j2mod slave (site C, in no devices file) registered on the compacted
 * {@code modbus.devices} topic, as the service API publishes it ({@code ModbusDeviceRegistryIT} there shows the API
 * writes these records), is polled by the running gateway within seconds, its status register's fault and return to
 * ok arrive as STATUS events (the stream job's rules turn them into an alert and its clearing:
 * {@code ModbusStatusAlertTest} there), and a tombstone stops the polling. One Quarkus start with
 * {@link ModbusIngestIT} (same test resource).
 */
@QuarkusTest
@WithTestResource(ModbusInfrastructure.class)
class ModbusRegistryIT {

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 500;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ModbusPoller poller;

    @Inject
    ModbusRegistryConsumer registry;

    private KafkaConsumer<String, String> telemetry;
    private KafkaProducer<String, byte[]> producer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    @BeforeEach
    void clients() {
        telemetry = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(Topics.DEVICE_TELEMETRY, 0);
        telemetry.assign(List.of(partition));
        telemetry.seekToEnd(List.of(partition));
        telemetry.position(partition);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
        await().atMost(Duration.ofSeconds(30)).until(registry::isReading);
    }

    @AfterEach
    void close() {
        telemetry.close();
        producer.close();
    }

    @Test
    void aDeviceRegisteredOnTheTopicIsPolledWithinSecondsReportsItsStatusAndStopsWhenRemoved() throws Exception {
        // given site C is polled by no one
        ModbusSitePeer site = ModbusInfrastructure.siteC();
        String deviceId = "CP-REG-1";
        assertThat(poller.polls(deviceId)).isFalse();

        // when it is registered
        Instant registered = Instant.now();
        publish(Topics.MODBUS_DEVICES, deviceId, EventCodec.encode(new ModbusRegistration(deviceId,
                DeviceType.EV_CHARGER, "AC-22-REG", "127.0.0.1", site.port(), 1, "charger-default", POLL_MILLIS)));

        // then it is polled within seconds, without a restart, and its ok status is reported
        DeviceEvent metrics = awaitEvent(deviceId, event -> event.kind() == EventKind.METRICS);
        assertThat(Duration.between(registered, metrics.receivedTs())).isLessThan(WITHIN_SECONDS);
        assertThat(metrics.model()).isEqualTo("AC-22-REG");
        assertThat(metrics.metric("voltage_v")).isEqualTo(230.4);
        assertThat(awaitEvent(deviceId, event -> event.kind() == EventKind.STATUS).status())
                .isEqualTo(new DeviceStatus(0, "Available", "NoError", "0"));

        // when the status register reads 2 (fault) and then 0 (ok) again
        site.setRegister(1, 0, 2);
        DeviceEvent fault = awaitEvent(deviceId, event -> event.kind() == EventKind.STATUS
                && "Faulted".equals(event.status().state()));
        site.setRegister(1, 0, 0);
        DeviceEvent ok = awaitEvent(deviceId, event -> event.kind() == EventKind.STATUS
                && event.deviceTs().isAfter(fault.deviceTs()));

        // then
        assertThat(fault.status()).isEqualTo(new DeviceStatus(0, "Faulted", "InternalError", "2"));
        assertThat(ok.status()).isEqualTo(new DeviceStatus(0, "Available", "NoError", "0"));

        // when it is removed (tombstone)
        publish(Topics.MODBUS_DEVICES, deviceId, null);
        await().atMost(WITHIN_SECONDS).until(() -> !poller.polls(deviceId));
        Instant removed = Instant.now();
        Thread.sleep(4 * POLL_MILLIS);

        // then nothing is polled any more
        drain();
        assertThat(seen.stream().map(ModbusRegistryIT::decode)
                .filter(event -> event.deviceId().equals(deviceId) && event.receivedTs().isAfter(removed)))
                .isEmpty();
    }

    @Test
    void aRegisteredMapIsUsedByTheDeviceThatNamesItAndAnInvalidRecordIsCounted() throws Exception {
        // given
        double rejectedBefore = metric("gateway_registrations_rejected_total{protocol=\"modbus\",reason=\"invalid\"}");
        String deviceId = "EM-REG-1";

        // when a device names a profile that only the registry defines
        publish(Topics.MODBUS_DEVICES, deviceId, EventCodec.encode(new ModbusRegistration(deviceId,
                DeviceType.ENERGY_METER, null, "127.0.0.1", ModbusInfrastructure.siteC().port(), 1, "volts-only",
                POLL_MILLIS)));
        publish(Topics.MODBUS_REGISTER_MAPS, "volts-only", EventCodec.encode(new ModbusRegisterMap("volts-only",
                List.of(new ModbusRegisterMap.Register("line_voltage_v", 2, "uint16", null,
                        new BigDecimal("0.1"), "V", false)), null)));
        publish(Topics.MODBUS_DEVICES, "EM-REG-BAD", "{\"deviceId\":\"EM-REG-BAD\",\"port\":0}"
                .getBytes(StandardCharsets.UTF_8));

        // then
        DeviceEvent metrics = awaitEvent(deviceId, event -> event.kind() == EventKind.METRICS);
        assertThat(metrics.metrics()).isEqualTo(Map.of("line_voltage_v", 230.4));
        await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertThat(
                metric("gateway_registrations_rejected_total{protocol=\"modbus\",reason=\"invalid\"}"))
                .isEqualTo(rejectedBefore + 1));
        assertThat(poller.polls("EM-REG-BAD")).isFalse();
        publish(Topics.MODBUS_DEVICES, deviceId, null);
        await().atMost(WITHIN_SECONDS).until(() -> !poller.polls(deviceId));
    }

    private void publish(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
    }

    private DeviceEvent awaitEvent(String deviceId, Predicate<DeviceEvent> wanted) {
        return await().atMost(WITHIN_SECONDS).until(() -> {
            drain();
            return seen.stream().map(ModbusRegistryIT::decode)
                    .filter(event -> event.deviceId().equals(deviceId) && wanted.test(event)).findFirst().orElse(null);
        }, found -> found != null);
    }

    private void drain() {
        telemetry.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    private static DeviceEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(record.value(), DeviceEvent.class);
    }

    private static double metric(String sample) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
                .findFirst().orElse(0.0);
    }
}
