package io.fleetcare.stream.health.detect;

import static io.fleetcare.stream.testing.Telemetry.T0;
import static io.fleetcare.stream.testing.Telemetry.chargerHeartbeat;
import static io.fleetcare.stream.testing.Telemetry.stbCpuTemp;
import static io.fleetcare.stream.testing.Telemetry.stbEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Severity;
import io.fleetcare.stream.rules.DeviceScope;
import io.fleetcare.stream.rules.OfflineRule;
import io.fleetcare.stream.testing.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatLossDetectorTest {

    static final OfflineRule STB_OFFLINE = new OfflineRule("stb.offline", "",
            DeviceScope.allOf(DeviceType.SET_TOP_BOX), Duration.ofSeconds(30), 3, Severity.MINOR);
    static final OfflineRule CHARGER_OFFLINE = new OfflineRule("charger.offline", "",
            DeviceScope.allOf(DeviceType.EV_CHARGER), Duration.ofSeconds(60), 3, Severity.MAJOR);

    static final String BOX = "STB-0001";
    static final String CHARGER = "CP-0001";

    private final List<DetectorHarness> harnesses = new ArrayList<>();

    @AfterEach
    void closeHarnesses() throws Exception {
        for (DetectorHarness harness : harnesses) {
            harness.close();
        }
    }

    @Test
    void reportsADeviceOfflineOnceItMissedTheConfiguredNumberOfIntervals() throws Exception {
        // given: a box heard at processing time 1 s
        DetectorHarness detector = detector(STB_OFFLINE);
        detector.processingTime(1_000).feed(stbCpuTemp(BOX, 0, 50));

        // when: 3 x 30 s pass without anything from it
        detector.processingTime(90_999);
        assertThat(detector.alerts()).isEmpty();
        detector.processingTime(91_000);

        // then
        Alert offline = assertThat(detector.alerts()).singleElement().actual();
        assertThat(offline.alertId()).isEqualTo(EpisodeIds.alertId(BOX, "stb.offline", T0));
        assertThat(offline.state()).isEqualTo(Alert.State.RAISED);
        assertThat(offline.ruleId()).isEqualTo("stb.offline");
        assertThat(offline.severity()).isEqualTo(Severity.MINOR);
        assertThat(offline.deviceType()).isEqualTo(DeviceType.SET_TOP_BOX);
        assertThat(offline.model()).isEqualTo(Telemetry.STB_MODEL);
        assertThat(offline.episodeStart()).isEqualTo(T0);
        assertThat(offline.ts()).isEqualTo(T0.plusSeconds(90));
        assertThat(offline.message()).isEqualTo(
                "offline: nothing heard for 90 s (3 x the expected 30 s); last message at " + T0);
        assertThat(offline.evidence()).containsExactly(Evidence.text(T0, "last.message", "METRICS"));
        assertThat(detector.requests()).isEmpty();
    }

    @Test
    void clearsTheOfflineAlertWithTheNextMessageOfAnyKind() throws Exception {
        // given
        DetectorHarness detector = detector(STB_OFFLINE);
        detector.processingTime(0).feed(stbCpuTemp(BOX, 0, 50));
        detector.processingTime(100_000);

        // when
        detector.feed(stbEvent(BOX, 300, "REBOOT", "POWER_ON", null));

        // then
        String alertId = EpisodeIds.alertId(BOX, "stb.offline", T0);
        assertThat(detector.alerts()).extracting(Alert::alertId, Alert::state, Alert::ts).containsExactly(
                tuple(alertId, Alert.State.RAISED, T0.plusSeconds(90)),
                tuple(alertId, Alert.State.CLEARED, T0.plusSeconds(300)));
        assertThat(detector.alerts().get(1).evidence())
                .containsExactly(Evidence.text(T0.plusSeconds(300), "message", "EVENT REBOOT"));
    }

    @Test
    void neverRaisesForADeviceHeardJustBeforeEachDeadline() throws Exception {
        // given
        DetectorHarness detector = detector(STB_OFFLINE);

        // when: a message 1 ms before every deadline, for an hour
        long now = 0;
        for (int i = 0; i < 40; i++) {
            detector.processingTime(now).feed(stbCpuTemp(BOX, i * 90L, 50));
            now += 89_999;
        }
        detector.processingTime(now);

        // then: one pending timer at any time, never an alert
        assertThat(detector.alerts()).isEmpty();
        assertThat(detector.processingTimeTimers()).isEqualTo(1);
    }

    @Test
    void countsALateMessageAsASignOfLifeWithoutMovingTheLastMessageBack() throws Exception {
        // given
        DetectorHarness detector = detector(STB_OFFLINE);
        detector.processingTime(0).feed(stbCpuTemp(BOX, 60, 50));

        // when: a message from device time 0 arrives 80 s later, then silence
        detector.processingTime(80_000).feed(stbCpuTemp(BOX, 0, 50));
        detector.processingTime(169_999);
        assertThat(detector.alerts()).isEmpty();
        detector.processingTime(170_000);

        // then: offline, counted from the newest device time heard
        assertThat(detector.alerts()).singleElement()
                .satisfies(a -> assertThat(a.episodeStart()).isEqualTo(T0.plusSeconds(60)));
    }

    @Test
    void reportsEveryDeviceOfAFleetThatFallsSilentAtOnceWithoutAnyWatermark() throws Exception {
        // given
        DetectorHarness detector = detector(STB_OFFLINE, CHARGER_OFFLINE);
        detector.processingTime(0).feed(stbCpuTemp("STB-1", 0, 50), stbCpuTemp("STB-2", 0, 50),
                chargerHeartbeat(CHARGER, 0));

        // when: nobody sends anything any more, and no watermark ever arrives
        detector.processingTime(90_000);
        assertThat(detector.alerts()).extracting(Alert::deviceId).containsExactlyInAnyOrder("STB-1", "STB-2");
        detector.processingTime(180_000);

        // then
        assertThat(detector.alerts()).extracting(Alert::deviceId, Alert::ruleId).containsExactlyInAnyOrder(
                tuple("STB-1", "stb.offline"), tuple("STB-2", "stb.offline"), tuple(CHARGER, "charger.offline"));
    }

    @Test
    void keepsOneTimerPerWatchedDeviceAndNoneWhileOfflineOrForUnwatchedDevices() throws Exception {
        // given
        DetectorHarness detector = detector(STB_OFFLINE);

        // when: a charger (no rule) and a box that sends three times
        detector.processingTime(0).feed(chargerHeartbeat(CHARGER, 0), stbCpuTemp(BOX, 0, 50));
        detector.processingTime(10_000).feed(stbCpuTemp(BOX, 10, 50));
        detector.processingTime(20_000).feed(stbCpuTemp(BOX, 20, 50));

        // then
        assertThat(detector.processingTimeTimers()).isEqualTo(1);
        assertThat(detector.stateEntries()).isEqualTo(1);

        // and once offline no timer remains; the next message registers one again
        detector.processingTime(110_000);
        assertThat(detector.alerts()).hasSize(1);
        assertThat(detector.processingTimeTimers()).isZero();
        detector.feed(stbCpuTemp(BOX, 200, 50));
        assertThat(detector.processingTimeTimers()).isEqualTo(1);
    }

    @Test
    void doesNotTakeTheGatewaysDisconnectNoticeForASignOfLife() throws Exception {
        // given
        DetectorHarness detector = detector(STB_OFFLINE);
        detector.processingTime(0).feed(stbCpuTemp(BOX, 0, 50));

        // when: the gateway reports the connection closed at 60 s, and again after the device went offline
        detector.processingTime(60_000).feed(connection(BOX, 60, "DISCONNECTED"));
        detector.processingTime(90_000);
        detector.feed(connection(BOX, 95, "DISCONNECTED"));

        // then: offline 90 s after the last message from the device, and not cleared
        assertThat(detector.alerts()).extracting(Alert::state, Alert::episodeStart)
                .containsExactly(tuple(Alert.State.RAISED, T0));

        // and when the device connects again, it is back
        detector.feed(connection(BOX, 120, "CONNECTED"));
        assertThat(detector.alerts()).extracting(Alert::state)
                .containsExactly(Alert.State.RAISED, Alert.State.CLEARED);
    }

    private static DeviceEvent connection(String deviceId, long seconds, String name) {
        Instant ts = T0.plusSeconds(seconds);
        return new DeviceEvent("connection-" + deviceId + "-" + seconds + "-" + name, deviceId, DeviceType.SET_TOP_BOX,
                Telemetry.STB_MODEL, Protocol.MQTT, EventKind.CONNECTION, ts, ts, Map.of(), null,
                new DeviceOccurrence(name, null, null, null));
    }

    @Test
    void watchesAModelByItsOwnRuleBeforeTheRuleForItsType() throws Exception {
        // given: a faster interval for one model
        OfflineRule chatty = new OfflineRule("stb.offline.hd", "",
                new DeviceScope(DeviceType.SET_TOP_BOX, Set.of("STB-HD-100")), Duration.ofSeconds(5), 2,
                Severity.WARNING);
        DetectorHarness detector = detector(STB_OFFLINE, chatty);

        // when
        detector.processingTime(0).feed(stbCpuTemp(BOX, 0, 50),
                Telemetry.metrics("STB-HD-1", DeviceType.SET_TOP_BOX, "STB-HD-100", Protocol.MQTT, 0,
                        Map.of("cpu_temp_c", 50.0)));
        detector.processingTime(10_000);

        // then
        assertThat(detector.alerts()).extracting(Alert::deviceId, Alert::ruleId)
                .containsExactly(tuple("STB-HD-1", "stb.offline.hd"));
    }

    private DetectorHarness detector(OfflineRule... rules) throws Exception {
        DetectorHarness harness = DetectorHarness.open(new HeartbeatLossDetector(List.of(rules)));
        harnesses.add(harness);
        return harness;
    }
}
