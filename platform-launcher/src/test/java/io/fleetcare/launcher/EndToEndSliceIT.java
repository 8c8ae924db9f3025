package io.fleetcare.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcare.events.Alert;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Topics;
import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.fleet.SimulatedDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thin slice end to end, every hop real: simulated set-top boxes publish over MQTT to the
 * broker, the gateway forwards to Kafka, the Flink job raises the overheating alert and the
 * maintenance request, and the service API opens a ticket from it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndSliceIT {

    @TempDir
    static Path dataDir;

    private static EmbeddedPlatform platform;
    private static TicketFeed api;
    private static SimulatedDevice overheating;
    private static List<SimulatedDevice> healthy;
    private static ChargerSpec faultyCharger;
    private static ChargerSpec healthyCharger;

    @BeforeAll
    static void startPlatform() {
        Path home = Path.of(System.getProperty("fleetcare.home", "..")).toAbsolutePath();
        platform = EmbeddedPlatform.start(new PlatformOptions(home, dataDir, 0, 0, 3, 1, 2, 1, 7,
                Duration.ofSeconds(1), null));
        api = new TicketFeed(platform.apiUrl(), platform.adminUser(), platform.adminPassword());
        List<SimulatedDevice> devices = platform.fleet().plan().devices();
        overheating = devices.stream().filter(d -> !d.healthy()).findFirst().orElseThrow();
        healthy = devices.stream().filter(SimulatedDevice::healthy).toList();
        List<ChargerSpec> chargers = platform.chargerFleet().plan().chargers();
        faultyCharger = chargers.stream().filter(c -> !c.healthy()).findFirst().orElseThrow();
        healthyCharger = chargers.stream().filter(ChargerSpec::healthy).findFirst().orElseThrow();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void anOverheatingSetTopBoxGetsATicketWithTheRuleTheEvidenceAndAnSlaDueTime() {
        JsonNode ticket = await("ticket for " + overheating.deviceId())
                .atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                .until(() -> ticketsOf(overheating.deviceId()), list -> !list.isEmpty())
                .get(0);

        assertThat(ticket.path("number").asText()).matches("TK-\\d{4}-\\d{6}");
        assertThat(ticket.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(ticket.path("channel").asText()).isEqualTo("TELEMETRY");
        assertThat(ticket.path("deviceType").asText()).isEqualTo("SET_TOP_BOX");
        assertThat(ticket.path("model").asText()).isEqualTo("STB-4K-200");
        assertThat(ticket.path("ruleId").asText()).isEqualTo("stb.cpu-overheat");
        assertThat(ticket.path("problem").asText()).contains("cpu_temp_c");
        JsonNode evidence = ticket.path("evidence");
        assertThat(evidence).isNotEmpty();
        evidence.forEach(e -> {
            assertThat(e.path("metric").asText()).isEqualTo("cpu_temp_c");
            assertThat(e.path("value").asDouble()).isGreaterThan(85.0);
        });
        Instant openedAt = Instant.parse(ticket.path("openedAt").asText());
        assertThat(Instant.parse(ticket.path("sla").path("respondBy").asText()))
                .isEqualTo(openedAt.plus(Duration.ofHours(24)));
        assertThat(ticket.path("sourceRequestIds")).hasSize(1);
    }

    @Test
    @Order(1)
    void aChargerReportingAConnectorFaultOverOcppGetsATicket() {
        JsonNode ticket = await("ticket for " + faultyCharger.chargePointId())
                .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> ticketsOf(faultyCharger.chargePointId()), list -> !list.isEmpty())
                .get(0);

        assertThat(ticket.path("deviceType").asText()).isEqualTo("EV_CHARGER");
        assertThat(ticket.path("ruleId").asText()).isEqualTo("charger.status-fault");
        assertThat(ticket.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(ticket.path("evidence")).anySatisfy(e ->
                assertThat(e.path("text").asText()).contains("errorCode " + faultyCharger.suddenFault().errorCode()));
    }

    @Test
    @Order(2)
    void healthyDevicesGetNoAlertAndNoTicket() throws Exception {
        Set<String> healthyIds = new java.util.HashSet<>(
                healthy.stream().map(SimulatedDevice::deviceId).collect(Collectors.toSet()));
        healthyIds.add(healthyCharger.chargePointId());

        List<Alert> alerts = readAll(Topics.DEVICE_ALERTS, Alert.class);

        assertThat(alerts).extracting(Alert::deviceId)
                .contains(overheating.deviceId(), faultyCharger.chargePointId())
                .doesNotContainAnyElementsOf(healthyIds);
        for (String id : healthyIds) {
            assertThat(ticketsOf(id)).as("tickets of healthy %s", id).isEmpty();
        }
    }

    @Test
    @Order(3)
    void replayingTheSameTelemetryOpensNoSecondTicket() throws Exception {
        platform.chargerFleet().close();
        platform.fleet().pause();
        awaitEverythingConsumed();
        long before = endOffset(Topics.DEVICE_TELEMETRY);

        int replayed = platform.fleet().replayTelemetry(overheating.deviceId());

        await("replayed telemetry in Kafka").atMost(Duration.ofSeconds(60))
                .until(() -> endOffset(Topics.DEVICE_TELEMETRY) >= before + replayed);
        awaitEverythingConsumed();
        List<JsonNode> tickets = ticketsOf(overheating.deviceId());
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0).path("sourceRequestIds")).hasSize(1);
        assertThat(platform.fleet().failed()).isZero();
    }

    @Test
    @Order(4)
    void allStateStaysInTheDataDirectory() throws Exception {
        try (var files = java.nio.file.Files.list(dataDir.resolve("flink-checkpoints"))) {
            assertThat(files).as("checkpoints of the stream job").isNotEmpty();
        }
    }

    @Test
    @Order(5)
    void theStreamJobStoresEveryDevicesTelemetryAndLatestState() throws Exception {
        try (var c = java.sql.DriverManager.getConnection(platform.jdbcUrl(), platform.postgresUser(),
                platform.postgresPassword());
             var readings = c.prepareStatement(
                     "SELECT device_id, count(*), max(value) FROM telemetry.reading WHERE metric = 'cpu_temp_c' GROUP BY device_id");
             var states = c.prepareStatement("SELECT device_id FROM telemetry.device_state")) {
            Map<String, Double> hottest = new java.util.HashMap<>();
            try (var rs = readings.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getLong(2)).as("readings of %s", rs.getString(1)).isGreaterThan(10);
                    hottest.put(rs.getString(1), rs.getDouble(3));
                }
            }
            assertThat(hottest.get(overheating.deviceId())).isGreaterThan(85.0);
            healthy.forEach(d -> assertThat(hottest.get(d.deviceId())).as(d.deviceId()).isLessThan(80.0));
            List<String> withState = new ArrayList<>();
            try (var rs = states.executeQuery()) {
                while (rs.next()) {
                    withState.add(rs.getString(1));
                }
            }
            assertThat(withState).containsAll(platform.fleet().plan().devices().stream()
                    .map(SimulatedDevice::deviceId).toList());
        }
    }

    private static List<JsonNode> ticketsOf(String deviceId) throws Exception {
        return StreamSupport.stream(api.tickets().spliterator(), false)
                .filter(t -> t.path("deviceId").asText().equals(deviceId))
                .toList();
    }

    /** Waits until every consumer group (stream job, API) has committed up to the end of its topics. */
    private static void awaitEverythingConsumed() {
        await("all consumer groups caught up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(EndToEndSliceIT::noLag);
    }

    private static boolean noLag() throws Exception {
        try (Admin admin = admin()) {
            List<String> groups = admin.listConsumerGroups().all().get().stream()
                    .map(ConsumerGroupListing::groupId).toList();
            if (groups.size() < 2) {
                return false;
            }
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() == null || entry.getValue().offset() < ends.get(entry.getKey()).offset()) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private static long endOffset(String topic) throws Exception {
        try (Admin admin = admin()) {
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> request = partitions.stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()));
    }

    private static <T> List<T> readAll(String topic, Class<T> type) throws Exception {
        long expected = endOffset(topic);
        List<T> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            long read = 0;
            while (read < expected && System.currentTimeMillis() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    out.add(EventCodec.decode(record.value(), type));
                    read++;
                }
            }
        }
        return out;
    }
}
