package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Topics;
import io.fleetcare.gateway.command.CommandConsumer;
import io.fleetcare.gateway.modbus.ModbusPoller;
import io.fleetcare.gateway.modbus.ModbusSitePeer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ModbusInfrastructure.class)
class ModbusIngestIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(ModbusInfrastructure.POLL_INTERVAL_MILLIS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MBPOLL = Path.of("/usr/bin/mbpoll");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CommandConsumer commandConsumer;

    @Inject
    ModbusPoller poller;

    private KafkaConsumer<String, String> telemetry;
    private KafkaConsumer<String, String> results;
    private KafkaProducer<String, String> commands;
    private final List<ConsumerRecord<String, String>> telemetrySeen = new ArrayList<>();
    private final List<ConsumerRecord<String, String>> resultsSeen = new ArrayList<>();

    @BeforeEach
    void readTopicsFromTheStart() {
        telemetry = consumerFromStart(Topics.DEVICE_TELEMETRY);
        results = consumerFromStart(Topics.DEVICE_COMMAND_RESULTS);
        commands = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void closeClients() {
        telemetry.close();
        results.close();
        commands.close();
    }

    @Test
    void chargerRegistersArriveOnKafkaAsOneScaledAndTypedMetricsEvent() {
        // given site A serves the charger's registers (ModbusInfrastructure.CHARGER_REGISTERS)

        // when
        ConsumerRecord<String, String> record = awaitTelemetry(ModbusInfrastructure.CHARGER,
                event -> event.kind() == EventKind.METRICS);
        DeviceEvent event = EventCodec.decode(record.value(), DeviceEvent.class);

        // then
        assertThat(record.key()).isEqualTo(ModbusInfrastructure.CHARGER);
        assertThat(event.protocol()).isEqualTo(Protocol.MODBUS);
        assertThat(event.deviceType()).isEqualTo(DeviceType.EV_CHARGER);
        assertThat(event.model()).isEqualTo(ModbusInfrastructure.CHARGER_MODEL);
        assertThat(event.metrics()).isEqualTo(Map.of(
                "status", 1.0,
                "temperature_c", -12.5,
                "voltage_v", 230.4,
                "current_a", 16.07,
                "energy_wh", 3_221_225_473.0,
                "power_w", 7200.5,
                "current_setpoint_a", event.metric("current_setpoint_a")));
        assertThat(event.metric("current_setpoint_a")).isNotNull();
        assertThat(event.deviceTs()).isEqualTo(event.receivedTs());
        assertThat(telemetryOf(ModbusInfrastructure.CHARGER)).first()
                .satisfies(first -> assertThat(first.event().name()).isEqualTo("CONNECTED"));
    }

    @Test
    void meterProfileFromAFileDecodesLowWordFirstUint32Int32AndFloat32() {
        // when
        DeviceEvent event = EventCodec.decode(awaitTelemetry(ModbusInfrastructure.METER,
                candidate -> candidate.kind() == EventKind.METRICS).value(), DeviceEvent.class);

        // then
        assertThat(event.deviceType()).isEqualTo(DeviceType.ENERGY_METER);
        assertThat(event.model()).isEqualTo("EM-3PH");
        assertThat(event.metrics()).isEqualTo(Map.of(
                "energy_wh", 4_000_000_000.0,
                "net_power_w", -1234.5,
                "frequency_hz", 49.98));
    }

    @Test
    void chargerThatStopsAnsweringIsReportedOfflineWithinTwoPollIntervalsAndOnlineAfterRestart() {
        // given the charger answers
        ModbusSitePeer site = ModbusInfrastructure.siteB();
        String charger = ModbusInfrastructure.STOPPING_CHARGER;
        awaitTelemetry(charger, event -> event.kind() == EventKind.METRICS);
        double failedPollsBefore = metric("gateway_polls_failed_total{protocol=\"modbus\",reason=\"no_answer\"}")
                + metric("gateway_polls_failed_total{protocol=\"modbus\",reason=\"no_connection\"}");

        // when it stops
        Instant stopped = Instant.now();
        site.stop();
        DeviceEvent offline = decode(awaitTelemetry(charger,
                event -> isDisconnected(event) && !event.deviceTs().isBefore(stopped)));

        // then
        Instant lastAnswered = telemetryOf(charger).stream()
                .filter(event -> event.kind() == EventKind.METRICS && event.deviceTs().isBefore(offline.deviceTs()))
                .map(DeviceEvent::deviceTs).max(Instant::compareTo).orElseThrow();
        assertThat(Duration.between(lastAnswered, offline.deviceTs())).isLessThanOrEqualTo(POLL_INTERVAL.multipliedBy(2));
        assertThat(offline.protocol()).isEqualTo(Protocol.MODBUS);
        assertThat(offline.event().reason()).isIn("no_answer", "no_connection");
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(
                metric("gateway_polls_failed_total{protocol=\"modbus\",reason=\"no_answer\"}")
                        + metric("gateway_polls_failed_total{protocol=\"modbus\",reason=\"no_connection\"}"))
                .isGreaterThan(failedPollsBefore));

        // when it comes back
        site.start();

        // then
        DeviceEvent online = decode(awaitTelemetry(charger, event -> event.kind() == EventKind.CONNECTION
                && "CONNECTED".equals(event.event().name()) && event.deviceTs().isAfter(offline.deviceTs())));
        DeviceEvent metrics = decode(awaitTelemetry(charger, event -> event.kind() == EventKind.METRICS
                && event.deviceTs().isAfter(online.deviceTs())));
        assertThat(metrics.metric("voltage_v")).isEqualTo(230.4);
        assertThat(telemetryOf(charger).stream().filter(ModbusIngestIT::isDisconnected)
                .filter(event -> !event.deviceTs().isBefore(offline.deviceTs())
                        && event.deviceTs().isBefore(online.deviceTs())).count())
                .as("one offline report per outage").isEqualTo(1);
        assertThat(poller.isOnline(charger)).isTrue();
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(metric("gateway_devices_connected{protocol=\"modbus\"}"))
                .as(metricLines("gateway_devices_connected")).isGreaterThanOrEqualTo(1.0));
    }

    @Test
    void currentSetpointCommandIsWrittenToTheChargersHoldingRegister() throws Exception {
        // given
        await().atMost(DELIVERY).until(commandConsumer::isListening);
        awaitTelemetry(ModbusInfrastructure.CHARGER, event -> event.kind() == EventKind.METRICS);
        String commandId = UUID.randomUUID().toString();

        // when
        sendCommand(commandId, ModbusInfrastructure.CHARGER, "CHANGE_CONFIGURATION",
                "{\"key\":\"current_setpoint_a\",\"value\":\"32\"}");

        // then
        JsonNode result = awaitResult(commandId);
        assertThat(result.get("status").textValue()).isEqualTo("COMPLETED");
        assertThat(result.get("deviceId").textValue()).isEqualTo(ModbusInfrastructure.CHARGER);
        assertThat(result.get("payload").get("key").textValue()).isEqualTo("current_setpoint_a");
        assertThat(result.get("payload").get("value").doubleValue()).isEqualTo(32.0);
        assertThat(ModbusInfrastructure.siteA().register(1, 10)).isEqualTo(32);
        DeviceEvent polled = decode(awaitTelemetry(ModbusInfrastructure.CHARGER, event -> event.kind() == EventKind.METRICS
                && Double.valueOf(32.0).equals(event.metric("current_setpoint_a"))));
        assertThat(polled.metric("current_a")).isEqualTo(16.07);
    }

    @Test
    void writeToAReadOnlyRegisterIsRejectedAndTheDeviceLeftAlone() throws Exception {
        // given
        await().atMost(DELIVERY).until(commandConsumer::isListening);
        String commandId = UUID.randomUUID().toString();

        // when
        sendCommand(commandId, ModbusInfrastructure.CHARGER, "CHANGE_CONFIGURATION",
                "{\"key\":\"temperature_c\",\"value\":20}");

        // then
        JsonNode result = awaitResult(commandId);
        assertThat(result.get("status").textValue()).isEqualTo("REJECTED");
        assertThat(result.get("payload").get("error").textValue()).contains("not writable");
        assertThat(ModbusInfrastructure.siteA().register(1, 1)).isEqualTo(0xFF83);
    }

    @Test
    void debiansMbpollReadsFromTheSameRegistersWhatTheGatewayPublished() throws Exception {
        // given
        assumeTrue(Files.isExecutable(MBPOLL), "Debian package mbpoll not installed");
        DeviceEvent charger = decode(awaitTelemetry(ModbusInfrastructure.CHARGER,
                event -> event.kind() == EventKind.METRICS));
        DeviceEvent meter = decode(awaitTelemetry(ModbusInfrastructure.METER,
                event -> event.kind() == EventKind.METRICS));

        // when an independent master reads them (-0: 0-based addresses, -B: high word first)
        String temperature = mbpoll(1, 1, "4");
        String energy = mbpoll(1, 4, "4:int", "-B");
        String power = mbpoll(1, 6, "4:float", "-B");
        String netPower = mbpoll(2, 2, "4:int");
        String frequency = mbpoll(2, 4, "4:float");

        // then
        assertThat(temperature).as("mbpoll prints the signed reading in brackets").matches("\\d+ \\(-\\d+\\)");
        assertThat(charger.metric("temperature_c"))
                .isEqualTo(Integer.parseInt(temperature.replaceAll(".*\\((-\\d+)\\)", "$1")) * 0.1, within(1e-9));
        assertThat(charger.metric("energy_wh")).isEqualTo((double) Integer.toUnsignedLong(Integer.parseInt(energy)));
        assertThat(charger.metric("power_w")).isEqualTo(Double.parseDouble(power));
        assertThat(meter.metric("net_power_w")).isEqualTo(Integer.parseInt(netPower) * 0.1, within(1e-9));
        assertThat(meter.metric("frequency_hz")).isEqualTo(Double.parseDouble(frequency));
    }

    /** One value read by Debian's mbpoll from site A, as printed after {@code [address]:}. */
    private static String mbpoll(int unitId, int address, String type, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(MBPOLL.toString(), "-m", "tcp",
                "-p", String.valueOf(ModbusInfrastructure.siteA().port()), "-a", String.valueOf(unitId), "-0",
                "-r", String.valueOf(address), "-c", "1", "-t", type, "-1", "-o", "5"));
        command.addAll(List.of(options));
        command.add("127.0.0.1");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Matcher value = Pattern.compile("(?m)^\\[" + address + "\\]:\\s*(.+)$").matcher(output);
        assertThat(value.find()).as(output).isTrue();
        return value.group(1).trim();
    }

    private static boolean isDisconnected(DeviceEvent event) {
        return event.kind() == EventKind.CONNECTION && "DISCONNECTED".equals(event.event().name());
    }

    private KafkaConsumer<String, String> consumerFromStart(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }

    private ConsumerRecord<String, String> awaitTelemetry(String deviceId, Predicate<DeviceEvent> wanted) {
        return await().atMost(DELIVERY).until(() -> {
            telemetry.poll(Duration.ofMillis(200)).forEach(telemetrySeen::add);
            Optional<ConsumerRecord<String, String>> found = telemetrySeen.stream()
                    .filter(record -> deviceId.equals(record.key()) && wanted.test(decode(record)))
                    .findFirst();
            return found.orElse(null);
        }, found -> found != null);
    }

    private List<DeviceEvent> telemetryOf(String deviceId) {
        telemetry.poll(Duration.ofMillis(200)).forEach(telemetrySeen::add);
        return telemetrySeen.stream().filter(record -> deviceId.equals(record.key()))
                .map(ModbusIngestIT::decode).toList();
    }

    private void sendCommand(String commandId, String deviceId, String command, String params) throws Exception {
        String body = """
                {"commandId":"%s","deviceId":"%s","command":"%s","params":%s,"requestedBy":"noc-li",
                 "requestedAt":"2026-11-24T10:00:00.123Z","timeoutSeconds":10}"""
                .formatted(commandId, deviceId, command, params);
        commands.send(new ProducerRecord<>(Topics.DEVICE_COMMANDS, deviceId, body)).get(10, TimeUnit.SECONDS);
    }

    private JsonNode awaitResult(String commandId) throws Exception {
        ConsumerRecord<String, String> record = await().atMost(DELIVERY).until(() -> {
            results.poll(Duration.ofMillis(200)).forEach(resultsSeen::add);
            return resultsSeen.stream().filter(r -> r.value().contains(commandId)).findFirst().orElse(null);
        }, found -> found != null);
        return JSON.readTree(record.value());
    }

    private static DeviceEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(record.value(), DeviceEvent.class);
    }

    private static String metricLines(String name) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name)).toList().toString();
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
