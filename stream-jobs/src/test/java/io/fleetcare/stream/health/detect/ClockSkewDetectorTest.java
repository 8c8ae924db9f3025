package io.fleetcare.stream.health.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceClock;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClockSkewDetectorTest {

    private static final Instant NOW = Instant.parse("2026-12-08T01:00:00Z");
    private static final DeviceClock CLOCK = new DeviceClock(DeviceClock.DEFAULT_TOLERANCE);

    @Test
    void aBoxFourYearsAheadRaisesOneWarningStampedWithTheReceiveTime() throws Exception {
        try (DetectorHarness harness = DetectorHarness.open(new ClockSkewDetector())) {
            // when: three readings, each reported 4 years (and a day) ahead
            for (int i = 0; i < 3; i++) {
                Instant received = NOW.plusSeconds(30L * i);
                harness.feed(reading("STB-FUTURE", received.plus(Duration.ofDays(4 * 365 + 1)), received));
            }

            // then
            assertThat(harness.alerts()).singleElement().satisfies(alert -> {
                assertThat(alert.ruleId()).isEqualTo("device.clock-skew");
                assertThat(alert.state()).isEqualTo(Alert.State.RAISED);
                assertThat(alert.severity()).isEqualTo(Severity.WARNING);
                assertThat(alert.ts()).isEqualTo(NOW);
                assertThat(alert.episodeStart()).isEqualTo(NOW);
                assertThat(alert.message()).startsWith("clock off by 4 years (ahead of the receive time)");
                assertThat(alert.alertId()).isEqualTo(EpisodeIds.alertId("STB-FUTURE", "device.clock-skew", NOW));
                assertThat(alert.evidence()).singleElement()
                        .satisfies(e -> assertThat(e.value()).isEqualTo((double) Duration.ofDays(1461).toSeconds()));
            });
            assertThat(harness.requests()).isEmpty();
            assertThat(harness.stateEntries()).isEqualTo(1);
        }
    }

    @Test
    void aBoxBackIn1970IsClearedWhenItsClockIsRightAgainAndHoldsNoState() throws Exception {
        try (DetectorHarness harness = DetectorHarness.open(new ClockSkewDetector())) {
            // given
            harness.feed(reading("STB-1970", Instant.EPOCH, NOW), reading("STB-1970", Instant.EPOCH.plusSeconds(30),
                    NOW.plusSeconds(30)));

            // when: the box got its time (NTP) and reports 2 s behind
            harness.feed(reading("STB-1970", NOW.plusSeconds(58), NOW.plusSeconds(60)));

            // then
            assertThat(harness.alerts()).extracting(Alert::state)
                    .containsExactly(Alert.State.RAISED, Alert.State.CLEARED);
            Alert raised = harness.alerts().get(0);
            Alert cleared = harness.alerts().get(1);
            assertThat(raised.message()).startsWith("clock off by 56 years (behind the receive time)");
            assertThat(cleared.alertId()).isEqualTo(raised.alertId());
            assertThat(cleared.ts()).isEqualTo(NOW.plusSeconds(58));
            assertThat(harness.stateEntries()).isZero();
            assertThat(harness.eventTimeTimers() + harness.processingTimeTimers()).isZero();
        }
    }

    @Test
    void aRightClockAndEventsWithoutDeviceTimeRaiseNothing() throws Exception {
        try (DetectorHarness harness = DetectorHarness.open(new ClockSkewDetector())) {
            harness.feed(reading("STB-OK", NOW.minusSeconds(1), NOW), reading("STB-NOTIME", null, NOW));

            assertThat(harness.alerts()).isEmpty();
            assertThat(harness.stateEntries()).isZero();
        }
    }

    @Test
    void aClockWrongAgainAfterAClearOpensANewEpisode() throws Exception {
        try (DetectorHarness harness = DetectorHarness.open(new ClockSkewDetector())) {
            harness.feed(reading("STB-1", Instant.EPOCH, NOW), reading("STB-1", NOW.plusSeconds(29), NOW.plusSeconds(30)),
                    reading("STB-1", Instant.EPOCH, NOW.plusSeconds(60)));

            assertThat(harness.alerts()).extracting(Alert::state)
                    .containsExactly(Alert.State.RAISED, Alert.State.CLEARED, Alert.State.RAISED);
            assertThat(harness.alerts().get(2).alertId()).isNotEqualTo(harness.alerts().get(0).alertId());
        }
    }

    /** A reading as the job's clock check passes it on. */
    private static DeviceEvent reading(String deviceId, Instant reported, Instant received) {
        return CLOCK.check(new DeviceEvent(deviceId + "@" + received, deviceId, DeviceType.SET_TOP_BOX, "STB-4K-200",
                Protocol.MQTT, EventKind.METRICS, reported, received, Map.of("cpu_temp_c", 50.0), null, null));
    }
}
