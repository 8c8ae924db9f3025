package io.fleetcare.stream.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceClock;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Severity;
import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.stream.health.detect.ClockSkewDetector;
import io.fleetcare.stream.health.detect.EpisodeIds;
import io.fleetcare.stream.testing.KafkaRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, acceptance 2: wrong device clocks through the real pipeline (in-process Kafka, the job with its production
 * connectors in a MiniCluster). A box back in 1970 (its events as a gateway with the clock check writes them), a box
 * 4 years ahead (as a gateway without the check would: device time as reported) and a healthy box share ONE Kafka
 * partition, so they share one source split and its watermark.
 *
 * <p>Parallelism 1, unlike the job's other ITs: a future timestamp harms the other devices where its split's
 * watermark is the operators' watermark, i.e. the split is the only one that is not idle. With parallelism 2 the
 * second source subtask has no split and holds the operators' watermark back until it turns idle after a minute, so
 * without the watermark cap this test would still pass (tried); with one subtask it fails without the cap.
 */
class DeviceClockSkewIT {

    static final String GROUP_ID = "device-clock-skew-it";
    static final String BOX_1970 = "STB-1970-0001";
    static final String BOX_AHEAD = "STB-AHEAD-0002";
    static final String BOX_NORMAL = "STB-NORMAL-0003";
    static final Duration FOUR_YEARS = Duration.ofDays(4 * 365 + 1);

    static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(1, Topics.DEVICE_TELEMETRY, Topics.DEVICE_ALERTS, Topics.MAINTENANCE_REQUESTS);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void wrongClocksGetReceiveTimesOneClockAlertEachAndDelayNobodyElse() throws Exception {
        // given: both wrong boxes overheat (95 °C) for 70 s of receive time, the newest of the wrong clocks first
        KafkaRecords records = new KafkaRecords(kafka.bootstrapServers());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DeviceClock gatewayCheck = new DeviceClock(DeviceClock.DEFAULT_TOLERANCE);
        List<DeviceEvent> wrongClocks = new ArrayList<>();
        for (long s = 0; s <= 70; s += 10) {
            Instant received = now.plusSeconds(s);
            wrongClocks.add(cpuTemp(BOX_AHEAD, received.plus(FOUR_YEARS), received, 95));
            wrongClocks.add(gatewayCheck.check(cpuTemp(BOX_1970, Instant.EPOCH.plusSeconds(s), received, 95)));
        }
        LaunchOptions options = LaunchOptions.parse(
                "--bootstrap-servers", kafka.bootstrapServers(), "--group-id", GROUP_ID,
                "--local", "--parallelism", "1", "--checkpoint-interval", "PT2S", "--rules", itRules().toString());
        JobClient job = DeviceHealthJobMain.start(options, DeviceHealthJobMain.rules(options));
        try {
            records.publish(Topics.DEVICE_TELEMETRY, wrongClocks);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> alerts(records).stream().filter(a -> a.ruleId().equals("stb.cpu-overheat")).count() == 2);
            // the job has seen (and emitted watermarks after) the 4-years-ahead readings; now a healthy box reboots in
            // a loop, right behind them on the same partition. Had a 4-years-ahead timestamp moved the watermark,
            // every reboot would lie outside its 24 h window behind the watermark and be ignored.
            Thread.sleep(1_000);
            Instant normalStart = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            List<DeviceEvent> normal = new ArrayList<>();
            for (long s = 0; s < 4; s++) {
                Instant at = normalStart.plusSeconds(s);
                normal.add(reboot(BOX_NORMAL, at.minusMillis(100), at));
            }
            records.publish(Topics.DEVICE_TELEMETRY, normal);
            Instant published = Instant.now();

            // then: the healthy box's reboot loop is detected at once
            String rebootLoop = EpisodeIds.alertId(BOX_NORMAL, "stb.reboot-loop", normalStart.minusMillis(100));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> alerts(records).stream().anyMatch(a -> a.alertId().equals(rebootLoop)));
            assertThat(Duration.between(published, Instant.now())).as("detection of the healthy box not delayed")
                    .isLessThan(Duration.ofSeconds(20));
            records.awaitCommittedToEnd(GROUP_ID, Topics.DEVICE_TELEMETRY);

            // and both wrong boxes' alerts are stamped with receive times
            List<Alert> alerts = alerts(records);
            assertThat(alerts).filteredOn(a -> a.ruleId().equals("stb.cpu-overheat"))
                    .extracting(Alert::deviceId, Alert::state, Alert::episodeStart, Alert::ts)
                    .containsExactlyInAnyOrder(
                            tuple(BOX_1970, Alert.State.RAISED, now, now.plusSeconds(60)),
                            tuple(BOX_AHEAD, Alert.State.RAISED, now, now.plusSeconds(60)));
            // and each has exactly one clock-skew alert, the healthy box none
            assertThat(alerts).filteredOn(a -> a.ruleId().equals(ClockSkewDetector.RULE_ID))
                    .extracting(Alert::deviceId, Alert::state, Alert::severity, Alert::ts)
                    .containsExactlyInAnyOrder(
                            tuple(BOX_1970, Alert.State.RAISED, Severity.WARNING, now),
                            tuple(BOX_AHEAD, Alert.State.RAISED, Severity.WARNING, now));
            assertThat(alerts).filteredOn(a -> a.deviceId().equals(BOX_AHEAD) && a.ruleId().equals(ClockSkewDetector.RULE_ID))
                    .singleElement().satisfies(a -> assertThat(a.message()).startsWith("clock off by 4 years (ahead"));
            assertThat(alerts).filteredOn(a -> a.deviceId().equals(BOX_1970) && a.ruleId().equals(ClockSkewDetector.RULE_ID))
                    .singleElement().satisfies(a -> assertThat(a.message()).startsWith("clock off by 56 years (behind"));
            assertThat(alerts).filteredOn(a -> a.deviceId().equals(BOX_NORMAL)).extracting(Alert::ruleId)
                    .containsExactly("stb.reboot-loop");
            assertThat(records.readAll(Topics.MAINTENANCE_REQUESTS, io.fleetcare.events.MaintenanceRequest.class))
                    .as("no ticket for a wrong clock")
                    .noneMatch(r -> r.ruleId().equals(ClockSkewDetector.RULE_ID));
        } finally {
            job.cancel().get();
        }
    }

    private static DeviceEvent cpuTemp(String deviceId, Instant deviceTs, Instant received, double celsius) {
        return new DeviceEvent(id(deviceId, received), deviceId, DeviceType.SET_TOP_BOX, "STB-4K-200", Protocol.MQTT,
                EventKind.METRICS, deviceTs, received, Map.of("cpu_temp_c", celsius), null, null);
    }

    private static DeviceEvent reboot(String deviceId, Instant deviceTs, Instant received) {
        return new DeviceEvent(id(deviceId, received), deviceId, DeviceType.SET_TOP_BOX, "STB-4K-200", Protocol.MQTT,
                EventKind.EVENT, deviceTs, received, Map.of(), null,
                new DeviceOccurrence("REBOOT", "WATCHDOG", null, null));
    }

    private static String id(String deviceId, Instant received) {
        return UUID.nameUUIDFromBytes((deviceId + "@" + received).getBytes()).toString();
    }

    private static List<Alert> alerts(KafkaRecords records) {
        return records.readAll(Topics.DEVICE_ALERTS, Alert.class);
    }

    private static Path itRules() throws Exception {
        return Path.of(DeviceClockSkewIT.class.getResource("/rules/device-health-it-rules.yaml").toURI());
    }
}
