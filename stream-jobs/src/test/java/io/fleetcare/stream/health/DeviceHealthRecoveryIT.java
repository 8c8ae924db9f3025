package io.fleetcare.stream.health;

import static io.fleetcare.stream.testing.Telemetry.stbCpuTemp;
import static io.fleetcare.stream.testing.Telemetry.stbEvent;
import static io.fleetcare.stream.testing.Telemetry.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.stream.health.detect.EpisodeIds;
import io.fleetcare.stream.testing.KafkaRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device-health job is cancelled after a completed checkpoint and started again from that
 * retained checkpoint ({@code --resume-latest}), over a real Kafka broker in a MiniCluster of
 * parallelism 2. Episodes that span the restart must come out exactly once, with the ids they
 * would have had without the restart.
 */
class DeviceHealthRecoveryIT {

    static final String GROUP_ID = "device-health-recovery-it";
    static final String WARMING_BOX = "STB-WARM-0101";
    static final String HOT_BOX = "STB-HOT-0102";
    static final String REBOOTING_BOX = "STB-LOOP-0103";

    static EmbeddedKafka kafka;
    static KafkaRecords records;

    @TempDir
    static Path checkpoints;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, Topics.DEVICE_TELEMETRY, Topics.DEVICE_ALERTS, Topics.MAINTENANCE_REQUESTS);
        records = new KafkaRecords(kafka.bootstrapServers());
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void resumesFromTheRetainedCheckpointWithoutLosingOrRepeatingAnAlertOrRequest() throws Exception {
        // given: a box hot for 40 s (overheat pending), a box hot for 70 s (overheat raised),
        // a box that rebooted twice — all checkpointed by a running job that is then cancelled
        List<DeviceEvent> beforeStop = new ArrayList<>();
        for (long s = 0; s <= 40; s += 10) {
            beforeStop.add(stbCpuTemp(WARMING_BOX, s, 90));
        }
        for (long s = 0; s <= 70; s += 10) {
            beforeStop.add(stbCpuTemp(HOT_BOX, s, 88));
        }
        beforeStop.add(stbEvent(REBOOTING_BOX, 5, "REBOOT", "WATCHDOG", null));
        beforeStop.add(stbEvent(REBOOTING_BOX, 100, "REBOOT", "WATCHDOG", null));
        records.publish(Topics.DEVICE_TELEMETRY, beforeStop);
        JobClient first = start("--checkpoint-dir", checkpoints.toString());
        try {
            records.awaitCommittedToEnd(GROUP_ID, Topics.DEVICE_TELEMETRY);
        } finally {
            first.cancel().get();
        }
        String hotBoxOverheat = EpisodeIds.alertId(HOT_BOX, "stb.cpu-overheat", T0);
        assertThat(records.readAll(Topics.DEVICE_ALERTS, Alert.class))
                .extracting(Alert::alertId, Alert::state)
                .containsExactly(tuple(hotBoxOverheat, Alert.State.RAISED));
        assertThat(RetainedCheckpoints.latest(checkpoints)).as("a checkpoint was retained on cancel").isPresent();

        // and: while the job is down, the warming box stays hot, the hot box cools down, the other box
        // reboots twice more and one reading already processed is delivered again
        records.publish(Topics.DEVICE_TELEMETRY, List.of(
                stbCpuTemp(WARMING_BOX, 40, 90),
                stbCpuTemp(WARMING_BOX, 50, 91), stbCpuTemp(WARMING_BOX, 60, 92), stbCpuTemp(WARMING_BOX, 70, 92),
                stbCpuTemp(HOT_BOX, 80, 79),
                stbEvent(REBOOTING_BOX, 300, "REBOOT", "WATCHDOG", null),
                stbEvent(REBOOTING_BOX, 400, "REBOOT", "WATCHDOG", null)));

        // when
        JobClient second = start("--checkpoint-dir", checkpoints.toString(), "--resume-latest");
        try {
            records.awaitCommittedToEnd(GROUP_ID, Topics.DEVICE_TELEMETRY);
        } finally {
            second.cancel().get();
        }

        // then
        String warmingBoxOverheat = EpisodeIds.alertId(WARMING_BOX, "stb.cpu-overheat", T0);
        String rebootLoop = EpisodeIds.alertId(REBOOTING_BOX, "stb.reboot-loop", T0.plusSeconds(5));
        List<Alert> alerts = records.readAll(Topics.DEVICE_ALERTS, Alert.class);
        assertThat(alerts).extracting(Alert::alertId, Alert::state).containsExactlyInAnyOrder(
                tuple(hotBoxOverheat, Alert.State.RAISED),
                tuple(hotBoxOverheat, Alert.State.CLEARED),
                tuple(warmingBoxOverheat, Alert.State.RAISED),
                tuple(rebootLoop, Alert.State.RAISED));
        assertThat(alerts).filteredOn(a -> a.alertId().equals(warmingBoxOverheat))
                .extracting(Alert::episodeStart, Alert::ts)
                .as("the episode began before the restart").containsExactly(tuple(T0, T0.plusSeconds(60)));
        assertThat(records.readAll(Topics.MAINTENANCE_REQUESTS, MaintenanceRequest.class))
                .extracting(MaintenanceRequest::requestId)
                .containsExactlyInAnyOrder(
                        EpisodeIds.requestId(HOT_BOX, "stb.cpu-overheat", T0),
                        EpisodeIds.requestId(WARMING_BOX, "stb.cpu-overheat", T0),
                        EpisodeIds.requestId(REBOOTING_BOX, "stb.reboot-loop", T0.plusSeconds(5)));
    }

    private static JobClient start(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers", kafka.bootstrapServers(), "--group-id", GROUP_ID, "--local",
                "--parallelism", "2", "--checkpoint-interval", "PT1S", "--rules", itRules().toString()));
        args.addAll(List.of(extra));
        LaunchOptions options = LaunchOptions.parse(Map.of(), args.toArray(String[]::new));
        return DeviceHealthJobMain.start(options, DeviceHealthJobMain.rules(options));
    }

    private static Path itRules() throws Exception {
        return Path.of(DeviceHealthRecoveryIT.class.getResource("/rules/device-health-it-rules.yaml").toURI());
    }
}
