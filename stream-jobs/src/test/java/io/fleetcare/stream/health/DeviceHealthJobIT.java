package io.fleetcare.stream.health;

import static io.fleetcare.stream.testing.Telemetry.T0;
import static io.fleetcare.stream.testing.Telemetry.chargerConnectorTemp;
import static io.fleetcare.stream.testing.Telemetry.stbCpuTemp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.stream.health.detect.EpisodeIds;
import io.fleetcare.stream.rules.HealthRulesFile;
import java.nio.charset.StandardCharsets;
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
 * against an in-process Kafka broker.
 */
class DeviceHealthJobIT {

    static final String GROUP_ID = "device-health-it";
    static final String HOT_BOX = "STB-HOT-0001";
    static final String COOL_BOX = "STB-OK-0002";
    static final String CHARGER = "CP-OK-0003";

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
    void raisesAndClearsOneAlertAndOpensOneMaintenanceRequestForTheOverheatingBoxOnly() throws Exception {
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
        publish(telemetry);

        // when
        JobClient job = DeviceHealthJobMain.start(LaunchOptions.parse(
                "--bootstrap-servers", kafka.bootstrapServers(), "--group-id", GROUP_ID,
                "--local", "--parallelism", "2"), HealthRulesFile.loadDefault());
        try {
            awaitAllTelemetryCheckpointed();

            // then
            List<ConsumerRecord<String, String>> alertRecords = readAll(Topics.DEVICE_ALERTS);
            List<ConsumerRecord<String, String>> requestRecords = readAll(Topics.MAINTENANCE_REQUESTS);
            assertThat(alertRecords).extracting(ConsumerRecord::key).containsOnly(HOT_BOX);
            assertThat(requestRecords).extracting(ConsumerRecord::key).containsOnly(HOT_BOX);

            String alertId = EpisodeIds.alertId(HOT_BOX, "stb.cpu-overheat", T0.plusSeconds(40));
            List<Alert> alerts = alertRecords.stream().map(r -> EventCodec.decode(r.value(), Alert.class)).toList();
            assertThat(alerts).extracting(Alert::alertId, Alert::state, Alert::ts)
                    .containsExactly(
                            tuple(alertId, Alert.State.RAISED, T0.plusSeconds(100)),
                            tuple(alertId, Alert.State.CLEARED, T0.plusSeconds(130)));
            Alert raised = alerts.get(0);
            assertThat(raised.ruleId()).isEqualTo("stb.cpu-overheat");
            assertThat(raised.severity()).isEqualTo(Severity.MAJOR);
            assertThat(raised.episodeStart()).isEqualTo(T0.plusSeconds(40));
            assertThat(raised.evidence()).extracting(e -> e.value())
                    .as("the redelivered reading counts once")
                    .containsExactly(86.0, 88.0, 90.0, 91.0, 92.0, 92.0, 93.0);

            MaintenanceRequest request = assertThat(requestRecords).singleElement()
                    .extracting(r -> EventCodec.decode(r.value(), MaintenanceRequest.class)).actual();
            assertThat(request.requestId()).isEqualTo(EpisodeIds.requestId(HOT_BOX, "stb.cpu-overheat", T0.plusSeconds(40)));
            assertThat(request.alertId()).isEqualTo(alertId);
            assertThat(request.kind()).isEqualTo(MaintenanceRequest.Kind.CORRECTIVE);
            assertThat(request.problem()).contains("cpu_temp_c above 85 for at least 60 s");
            assertThat(request.evidence()).isEqualTo(raised.evidence());

            assertThat(job.getJobStatus().get()).as("the malformed record did not stop the job")
                    .isEqualTo(JobStatus.RUNNING);
        } finally {
            job.cancel().get();
        }
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
