package io.fleetcare.stream.health;

import static io.fleetcare.stream.testing.Telemetry.T0;
import static io.fleetcare.stream.testing.Telemetry.chargerConnectorTemp;
import static io.fleetcare.stream.testing.Telemetry.chargerEvent;
import static io.fleetcare.stream.testing.Telemetry.chargerStatus;
import static io.fleetcare.stream.testing.Telemetry.stbCpuTemp;
import static io.fleetcare.stream.testing.Telemetry.stbEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Severity;
import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.stream.health.detect.EpisodeIds;
import io.fleetcare.stream.testing.Telemetry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The device-health job with its production Kafka connectors, in a MiniCluster of parallelism 2,
 * against an in-process Kafka broker, fed a mixed fleet of healthy and faulty set-top boxes and
 * chargers (rules: {@code src/test/resources/rules/device-health-it-rules.yaml}).
 */
class DeviceHealthJobIT {

    static final String GROUP_ID = "device-health-it";
    static final String HOT_BOX = "STB-HOT-0001";
    static final String COOL_BOX = "STB-OK-0002";
    static final String CHARGER = "CP-OK-0003";
    static final String FAULTY_CHARGER = "CP-FAULT-0004";
    static final String ERROR_BOX = "STB-ERR-0005";
    static final String REBOOTING_BOX = "STB-LOOP-0006";
    static final String SILENT_BOX = "STB-SILENT-0007";
    static final String SILENT_MODEL = "STB-LITE-10";
    static final String LEAKING_BOX = "STB-LEAK-0008";
    static final String BUSY_CHARGER = "CP-BUSY-0009";

    static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, Topics.DEVICE_TELEMETRY, Topics.DEVICE_ALERTS, Topics.MAINTENANCE_REQUESTS);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void reportsExactlyTheFaultsOfTheFaultyDevicesAndNothingForTheHealthyOnes() throws Exception {
        // given: a box heating up past 85 °C from +40 s and cooling down at +130 s, with one reading
        // delivered twice; a healthy box and a healthy charger; and one record that is not JSON
        double[] hotBoxCelsius = {70, 74, 78, 82, 86, 88, 90, 91, 92, 92, 93, 84, 84, 79};
        List<DeviceEvent> telemetry = new ArrayList<>();
        for (int i = 0; i < hotBoxCelsius.length; i++) {
            telemetry.add(stbCpuTemp(HOT_BOX, i * 10L, hotBoxCelsius[i]));
            telemetry.add(stbCpuTemp(COOL_BOX, i * 10L, 55 + i % 5));
            telemetry.add(chargerConnectorTemp(CHARGER, i * 10L, 40 + i));
        }
        DeviceEvent redelivered = stbCpuTemp(HOT_BOX, 60, 90);
        telemetry.add(telemetry.indexOf(redelivered) + 1, redelivered);
        telemetry.add(chargerStatus(CHARGER, 0, 1, "Available", "NoError"));
        telemetry.add(chargerStatus(CHARGER, 30, 1, "Charging", "NoError"));
        telemetry.add(stbEvent(COOL_BOX, 5, "REBOOT", "POWER_ON", null));
        // and a charger with a ground failure that recovers, and a weak signal that stays
        telemetry.addAll(List.of(
                chargerStatus(FAULTY_CHARGER, 0, 1, "Available", "NoError"),
                chargerStatus(FAULTY_CHARGER, 20, 1, "Faulted", "GroundFailure"),
                chargerStatus(FAULTY_CHARGER, 30, 2, "Available", "WeakSignal"),
                chargerStatus(FAULTY_CHARGER, 50, 1, "Faulted", "GroundFailure"),
                chargerStatus(FAULTY_CHARGER, 100, 1, "Available", "NoError")));
        // and a box whose decoder hangs twice and then runs quietly for 15 min
        telemetry.addAll(List.of(
                stbCpuTemp(ERROR_BOX, 0, 60),
                stbEvent(ERROR_BOX, 10, "ERROR", null, "DECODER_HANG"),
                stbEvent(ERROR_BOX, 60, "ERROR", null, "DECODER_HANG"),
                stbCpuTemp(ERROR_BOX, 600, 60),
                stbCpuTemp(ERROR_BOX, 960, 60)));
        // and a box that reboots four times in ten minutes
        for (long s : new long[] {5, 200, 400, 600}) {
            telemetry.add(stbEvent(REBOOTING_BOX, s, "REBOOT", "WATCHDOG", null));
        }
        // and a charger plugged in three times (its plug-cycle service is due) and the healthy one once
        for (long s : new long[] {100, 300, 500}) {
            telemetry.add(chargerEvent(BUSY_CHARGER, s, "TRANSACTION_STARTED"));
        }
        telemetry.add(chargerEvent(CHARGER, 40, "TRANSACTION_STARTED"));
        // and a box that sends three readings and falls silent, as does everybody else afterwards. Its
        // readings are the newest device time of the whole topic, so no watermark ever passes its
        // deadline: only a detector that measures silence in processing time reports it.
        for (long s : new long[] {1000, 1010, 1020}) {
            telemetry.add(Telemetry.metrics(SILENT_BOX, DeviceType.SET_TOP_BOX, SILENT_MODEL, Protocol.MQTT, s,
                    Map.of("cpu_temp_c", 50.0)));
        }
        // and a box whose free memory falls by 1 MB a minute from 200 MB, with some jitter
        double[] jitter = {0.4, -0.3, 0.2, -0.4, 0.3, -0.2, 0.1, -0.1, 0.3, -0.3, 0.2};
        for (int minute = 0; minute < jitter.length; minute++) {
            telemetry.add(Telemetry.metrics(LEAKING_BOX, DeviceType.SET_TOP_BOX, Telemetry.STB_MODEL, Protocol.MQTT,
                    minute * 60L, Map.of("mem_free_mb", 200.0 - minute + jitter[minute])));
        }
        publish(telemetry);

        // when
        LaunchOptions options = LaunchOptions.parse(
                "--bootstrap-servers", kafka.bootstrapServers(), "--group-id", GROUP_ID,
                "--local", "--parallelism", "2", "--checkpoint-interval", "PT2S", "--rules", itRules().toString());
        JobClient job = DeviceHealthJobMain.start(options, DeviceHealthJobMain.rules(options));
        try {
            awaitAllTelemetryCheckpointed();
            String offlineId = EpisodeIds.alertId(SILENT_BOX, "stb.offline.lite", T0.plusSeconds(1020));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> alerts().stream().anyMatch(a -> a.alertId().equals(offlineId)));

            // then
            List<Alert> alerts = alerts();
            String overheat = EpisodeIds.alertId(HOT_BOX, "stb.cpu-overheat", T0.plusSeconds(40));
            String groundFailure = EpisodeIds.alertId(FAULTY_CHARGER, "charger.status-fault",
                    "connector-1/GroundFailure", T0.plusSeconds(20));
            String weakSignal = EpisodeIds.alertId(FAULTY_CHARGER, "charger.status-fault",
                    "connector-2/WeakSignal", T0.plusSeconds(30));
            String decoderHang = EpisodeIds.alertId(ERROR_BOX, "stb.error", "code-DECODER_HANG", T0.plusSeconds(10));
            String rebootLoop = EpisodeIds.alertId(REBOOTING_BOX, "stb.reboot-loop", T0.plusSeconds(5));
            String memoryLeak = EpisodeIds.alertId(LEAKING_BOX, "stb.memory-exhaustion", T0.plusSeconds(240));
            assertThat(alerts).extracting(Alert::alertId, Alert::deviceId, Alert::ruleId, Alert::state, Alert::severity)
                    .containsExactlyInAnyOrder(
                            tuple(overheat, HOT_BOX, "stb.cpu-overheat", Alert.State.RAISED, Severity.MAJOR),
                            tuple(overheat, HOT_BOX, "stb.cpu-overheat", Alert.State.CLEARED, Severity.MAJOR),
                            tuple(groundFailure, FAULTY_CHARGER, "charger.status-fault", Alert.State.RAISED,
                                    Severity.CRITICAL),
                            tuple(groundFailure, FAULTY_CHARGER, "charger.status-fault", Alert.State.CLEARED,
                                    Severity.CRITICAL),
                            tuple(weakSignal, FAULTY_CHARGER, "charger.status-fault", Alert.State.RAISED,
                                    Severity.MINOR),
                            tuple(decoderHang, ERROR_BOX, "stb.error", Alert.State.RAISED, Severity.MAJOR),
                            tuple(decoderHang, ERROR_BOX, "stb.error", Alert.State.CLEARED, Severity.MAJOR),
                            tuple(rebootLoop, REBOOTING_BOX, "stb.reboot-loop", Alert.State.RAISED, Severity.MAJOR),
                            tuple(offlineId, SILENT_BOX, "stb.offline.lite", Alert.State.RAISED, Severity.MINOR),
                            tuple(memoryLeak, LEAKING_BOX, "stb.memory-exhaustion", Alert.State.RAISED,
                                    Severity.WARNING));

            List<Alert> overheatAlerts = alerts.stream().filter(a -> a.alertId().equals(overheat)).toList();
            assertThat(overheatAlerts).extracting(Alert::state, Alert::ts).containsExactly(
                    tuple(Alert.State.RAISED, T0.plusSeconds(100)), tuple(Alert.State.CLEARED, T0.plusSeconds(130)));
            assertThat(overheatAlerts.get(0).evidence()).extracting(e -> e.value())
                    .as("the redelivered reading counts once")
                    .containsExactly(86.0, 88.0, 90.0, 91.0, 92.0, 92.0, 93.0);
            assertThat(alerts).filteredOn(a -> a.alertId().equals(decoderHang)).extracting(Alert::ts)
                    .containsExactly(T0.plusSeconds(10), T0.plusSeconds(960));

            List<MaintenanceRequest> requests = readAll(Topics.MAINTENANCE_REQUESTS).stream()
                    .map(r -> EventCodec.decode(r.value(), MaintenanceRequest.class)).toList();
            assertThat(requests).extracting(MaintenanceRequest::requestId, MaintenanceRequest::alertId,
                            MaintenanceRequest::kind, MaintenanceRequest::severity)
                    .containsExactlyInAnyOrder(
                            tuple(EpisodeIds.requestId(HOT_BOX, "stb.cpu-overheat", T0.plusSeconds(40)), overheat,
                                    MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR),
                            tuple(EpisodeIds.requestId(FAULTY_CHARGER, "charger.status-fault",
                                            "connector-1/GroundFailure", T0.plusSeconds(20)), groundFailure,
                                    MaintenanceRequest.Kind.CORRECTIVE, Severity.CRITICAL),
                            tuple(EpisodeIds.requestId(ERROR_BOX, "stb.error", "code-DECODER_HANG", T0.plusSeconds(10)),
                                    decoderHang, MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR),
                            tuple(EpisodeIds.requestId(REBOOTING_BOX, "stb.reboot-loop", T0.plusSeconds(5)),
                                    rebootLoop, MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR),
                            tuple(EpisodeIds.requestId(LEAKING_BOX, "stb.memory-exhaustion", T0.plusSeconds(240)),
                                    memoryLeak, MaintenanceRequest.Kind.PREVENTIVE, Severity.WARNING),
                            tuple(EpisodeIds.requestId(BUSY_CHARGER, "charger.plug-cycle-service", "interval-1",
                                    T0.plusSeconds(100)), null, MaintenanceRequest.Kind.SCHEDULED, Severity.MINOR));
            MaintenanceRequest leakRequest = requests.stream()
                    .filter(r -> memoryLeak.equals(r.alertId())).findFirst().orElseThrow();
            assertThat(leakRequest.predictedAt()).as("200 MB falling 1 MB/min reaches 20 MB after about 3 h")
                    .isBetween(T0.plus(Duration.ofMinutes(170)), T0.plus(Duration.ofMinutes(190)));
            MaintenanceRequest overheatRequest = requests.stream()
                    .filter(r -> overheat.equals(r.alertId())).findFirst().orElseThrow();
            assertThat(overheatRequest.problem()).contains("cpu_temp_c above 85 for at least 60 s");
            assertThat(overheatRequest.evidence()).isEqualTo(overheatAlerts.get(0).evidence());

            assertThat(job.getJobStatus().get()).as("the malformed record did not stop the job")
                    .isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get();
        }
    }

    private static Path itRules() throws Exception {
        return Path.of(DeviceHealthJobIT.class.getResource("/rules/device-health-it-rules.yaml").toURI());
    }

    private static List<Alert> alerts() {
        return readAll(Topics.DEVICE_ALERTS).stream().map(r -> EventCodec.decode(r.value(), Alert.class)).toList();
    }

    private static void publish(List<DeviceEvent> telemetry) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.DEVICE_TELEMETRY, "STB-BROKEN",
                    "{\"deviceId\": oops".getBytes(StandardCharsets.UTF_8)));
            for (DeviceEvent event : telemetry) {
                producer.send(new ProducerRecord<>(Topics.DEVICE_TELEMETRY, event.deviceId(), EventCodec.encode(event)));
            }
            producer.flush();
        }
    }

    /**
     * Waits until the job has committed the end offsets of the telemetry topic. The source commits
     * offsets only when a checkpoint completes, and a completed checkpoint means every record
     * before it went through all operators and the at-least-once sinks flushed their output.
     */
    private static void awaitAllTelemetryCheckpointed() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props); var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, Topics.DEVICE_TELEMETRY);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP_ID).partitionsToOffsetAndMetadata().get();
                return partitions.stream().allMatch(p -> committed.get(p) != null
                        && committed.get(p).offset() >= end.get(p));
            });
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
