package io.fleetcare.stream.health.detect;

import static io.fleetcare.stream.testing.Telemetry.T0;
import static io.fleetcare.stream.testing.Telemetry.chargerStatus;
import static io.fleetcare.stream.testing.Telemetry.stbCpuTemp;
import static io.fleetcare.stream.testing.Telemetry.stbEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import io.fleetcare.stream.rules.DeviceScope;
import io.fleetcare.stream.rules.RateRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateRuleDetectorTest {

    static final RateRule REBOOT_LOOP = new RateRule("stb.reboot-loop", "keeps rebooting",
            DeviceScope.allOf(DeviceType.SET_TOP_BOX), "REBOOT", null, null, null, 3, Duration.ofHours(24), 0,
            Severity.MAJOR, true);
    static final RateRule EV_COMMUNICATION = new RateRule("charger.ev-communication-errors", "",
            DeviceScope.allOf(DeviceType.EV_CHARGER), null, null, null, "EVCommunicationError", 2,
            Duration.ofHours(1), 0, Severity.MINOR, false);

    static final String BOX = "STB-0001";
    static final long HOUR = 3600;

    private final List<DetectorHarness> harnesses = new ArrayList<>();

    @AfterEach
    void closeHarnesses() throws Exception {
        for (DetectorHarness harness : harnesses) {
            harness.close();
        }
    }

    @Test
    void raisesWithTheOccurrenceThatGoesOverTheLimitWithinTheWindow() throws Exception {
        // given: three reboots within 24 h are still fine
        DetectorHarness detector = detector(REBOOT_LOOP);
        detector.feed(reboot(0), reboot(5 * HOUR), reboot(10 * HOUR));
        assertThat(detector.alerts()).isEmpty();

        // when
        detector.feed(reboot(23 * HOUR));

        // then
        List<Evidence> evidence = List.of(
                Evidence.text(T0, "event", "REBOOT reason=WATCHDOG"),
                Evidence.text(T0.plusSeconds(5 * HOUR), "event", "REBOOT reason=WATCHDOG"),
                Evidence.text(T0.plusSeconds(10 * HOUR), "event", "REBOOT reason=WATCHDOG"),
                Evidence.text(T0.plusSeconds(23 * HOUR), "event", "REBOOT reason=WATCHDOG"));
        Alert alert = assertThat(detector.alerts()).singleElement().actual();
        assertThat(alert.alertId()).isEqualTo(EpisodeIds.alertId(BOX, "stb.reboot-loop", T0));
        assertThat(alert.state()).isEqualTo(Alert.State.RAISED);
        assertThat(alert.severity()).isEqualTo(Severity.MAJOR);
        assertThat(alert.episodeStart()).isEqualTo(T0);
        assertThat(alert.ts()).isEqualTo(T0.plusSeconds(23 * HOUR));
        assertThat(alert.message()).isEqualTo("4 REBOOT events within 23 h (more than 3 REBOOT events within 24 h)");
        assertThat(alert.evidence()).isEqualTo(evidence);

        MaintenanceRequest request = assertThat(detector.requests()).singleElement().actual();
        assertThat(request.requestId()).isEqualTo(EpisodeIds.requestId(BOX, "stb.reboot-loop", T0));
        assertThat(request.alertId()).isEqualTo(alert.alertId());
        assertThat(request.kind()).isEqualTo(MaintenanceRequest.Kind.CORRECTIVE);
        assertThat(request.problem()).isEqualTo(
                "The device reported more than 3 REBOOT events within 24 h (rule stb.reboot-loop): keeps rebooting");
        assertThat(request.evidence()).isEqualTo(evidence);
    }

    @Test
    void countsOnlyTheOccurrencesInsideTheSlidingWindow() throws Exception {
        // given
        DetectorHarness detector = detector(REBOOT_LOOP);

        // when: four reboots 8 h apart; the first leaves the window exactly when the fourth arrives
        detector.feed(reboot(0), reboot(8 * HOUR), reboot(16 * HOUR), reboot(24 * HOUR));

        // then
        assertThat(detector.alerts()).isEmpty();

        // and the fifth makes four within 24 h
        detector.feed(reboot(25 * HOUR));
        assertThat(detector.alerts()).singleElement()
                .satisfies(a -> assertThat(a.episodeStart()).isEqualTo(T0.plusSeconds(8 * HOUR)));
    }

    @Test
    void staysRaisedWhileTheWindowSlidesAndClearsOnceItIsEmpty() throws Exception {
        // given
        DetectorHarness detector = detector(REBOOT_LOOP);
        detector.feed(reboot(0), reboot(HOUR), reboot(2 * HOUR), reboot(3 * HOUR));

        // when: one more reboot while raised, and the watermark moves past the first ones
        detector.feed(reboot(4 * HOUR));
        detector.watermark(T0.plusSeconds(26 * HOUR));

        // then: still the one raise
        assertThat(detector.alerts()).hasSize(1);
        assertThat(detector.requests()).hasSize(1);

        // and when the last reboot leaves the window
        detector.watermark(T0.plusSeconds(28 * HOUR));
        assertThat(detector.alerts()).extracting(Alert::state, Alert::ts).containsExactly(
                tuple(Alert.State.RAISED, T0.plusSeconds(3 * HOUR)),
                tuple(Alert.State.CLEARED, T0.plusSeconds(28 * HOUR)));
        assertThat(detector.alerts().get(1).alertId()).isEqualTo(detector.alerts().get(0).alertId());
        assertThat(detector.alerts().get(1).deviceType()).isEqualTo(DeviceType.SET_TOP_BOX);
    }

    @Test
    void countsLateOccurrencesInTheWindowsTheyBelongToAndIgnoresThoseWhoseWindowHasPassed() throws Exception {
        // given
        DetectorHarness detector = detector(REBOOT_LOOP);
        detector.feed(reboot(0), reboot(2 * HOUR), reboot(20 * HOUR));

        // when: a reboot from 1 h arrives late
        detector.feed(reboot(HOUR));

        // then
        assertThat(detector.alerts()).singleElement().satisfies(a -> {
            assertThat(a.episodeStart()).isEqualTo(T0);
            assertThat(a.evidence()).extracting(Evidence::ts).containsExactly(
                    T0, T0.plusSeconds(HOUR), T0.plusSeconds(2 * HOUR), T0.plusSeconds(20 * HOUR));
        });

        // and on another box, a reboot whose window the watermark has passed is not counted
        DetectorHarness other = detector(REBOOT_LOOP);
        other.watermark(T0.plusSeconds(30 * HOUR));
        other.feed(reboot(5 * HOUR));
        assertThat(other.stateEntries()).isZero();
        assertThat(other.eventTimeTimers()).isZero();
    }

    @Test
    void dropsOccurrencesAsTheyLeaveTheWindowUntilNoStateOrTimerIsLeft() throws Exception {
        // given: other events hold no state
        DetectorHarness detector = detector(REBOOT_LOOP);
        detector.feed(stbCpuTemp(BOX, 0, 50), stbEvent(BOX, 0, "ERROR", null, "DECODER_HANG"));
        assertThat(detector.stateEntries()).isZero();

        // when
        detector.feed(reboot(0), reboot(HOUR));
        assertThat(detector.stateEntries()).isEqualTo(1);
        assertThat(detector.eventTimeTimers()).isEqualTo(2);
        detector.watermark(T0.plusSeconds(24 * HOUR));
        assertThat(detector.eventTimeTimers()).isEqualTo(1);
        detector.watermark(T0.plusSeconds(25 * HOUR));

        // then
        assertThat(detector.stateEntries()).isZero();
        assertThat(detector.eventTimeTimers()).isZero();
        assertThat(detector.alerts()).isEmpty();
    }

    @Test
    void countsStatusesWithTheConfiguredErrorCode() throws Exception {
        // given
        DetectorHarness detector = detector(EV_COMMUNICATION);

        // when: three sessions end in EVCommunicationError within an hour, others in between are fine
        detector.feed(chargerStatus("CP-1", 0, 1, "Faulted", "EVCommunicationError"),
                chargerStatus("CP-1", 60, 1, "Available", "NoError"),
                chargerStatus("CP-1", 1200, 2, "Finishing", "EVCommunicationError"),
                chargerStatus("CP-1", 1800, 1, "Available", "GroundFailure"),
                chargerStatus("CP-1", 2400, 1, "Faulted", "EVCommunicationError"));

        // then: an alert without a ticket
        assertThat(detector.alerts()).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("charger.ev-communication-errors");
            assertThat(a.message()).endsWith("(more than 2 EVCommunicationError statuses within 1 h)");
        });
        assertThat(detector.requests()).isEmpty();
    }

    private static DeviceEvent reboot(long seconds) {
        return stbEvent(BOX, seconds, "REBOOT", "WATCHDOG", null);
    }

    private DetectorHarness detector(RateRule... rules) throws Exception {
        DetectorHarness harness = DetectorHarness.open(new RateRuleDetector(List.of(rules)));
        harnesses.add(harness);
        return harness;
    }
}
