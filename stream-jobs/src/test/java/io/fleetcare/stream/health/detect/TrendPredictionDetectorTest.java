package io.fleetcare.stream.health.detect;

import static io.fleetcare.stream.testing.Telemetry.STB_MODEL;
import static io.fleetcare.stream.testing.Telemetry.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Severity;
import io.fleetcare.stream.rules.DeviceScope;
import io.fleetcare.stream.rules.TrendRule;
import io.fleetcare.stream.testing.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrendPredictionDetectorTest {

    static final TrendRule MEMORY = new TrendRule("stb.memory-exhaustion", "memory leak",
            DeviceScope.allOf(DeviceType.SET_TOP_BOX), "mem_free_mb", TrendRule.Direction.FALLING, 20,
            Duration.ofHours(6), Duration.ofHours(48), 5, 0.8, Severity.WARNING, Duration.ZERO);

    static final String BOX = "STB-0001";
    static final long TEN_MINUTES = 600;

    private final List<DetectorHarness> harnesses = new ArrayList<>();

    @AfterEach
    void closeHarnesses() throws Exception {
        for (DetectorHarness harness : harnesses) {
            harness.close();
        }
    }

    @Test
    void raisesOnePreventiveRequestNamingWhenTheFittedLineReachesTheLimit() throws Exception {
        // given: free memory falls 2 MB every 10 minutes from 200 MB, i.e. reaches 20 MB after 15 h
        DetectorHarness detector = detector();
        detector.feed(falling(0), falling(1), falling(2), falling(3));
        assertThat(detector.alerts()).isEmpty();

        // when: the fifth reading gives the fit enough points
        detector.feed(falling(4));

        // then
        Instant raisedAt = T0.plusSeconds(4 * TEN_MINUTES);
        Alert alert = assertThat(detector.alerts()).singleElement().actual();
        assertThat(alert.alertId()).isEqualTo(EpisodeIds.alertId(BOX, "stb.memory-exhaustion", raisedAt));
        assertThat(alert.state()).isEqualTo(Alert.State.RAISED);
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.episodeStart()).isEqualTo(raisedAt);
        assertThat(alert.evidence()).hasSize(5);
        assertThat(alert.message()).contains("mem_free_mb -12.000 per hour over 5 readings (R² 1.000)");

        MaintenanceRequest request = assertThat(detector.requests()).singleElement().actual();
        assertThat(request.requestId()).isEqualTo(EpisodeIds.requestId(BOX, "stb.memory-exhaustion", raisedAt));
        assertThat(request.kind()).isEqualTo(MaintenanceRequest.Kind.PREVENTIVE);
        assertThat(request.alertId()).isEqualTo(alert.alertId());
        assertThat(request.detectedAt()).isEqualTo(raisedAt);
        assertThat(request.predictedAt()).isEqualTo(T0.plus(Duration.ofHours(15)));
        assertThat(request.problem()).startsWith("Predicted: mem_free_mb reaches 20.0 at 2026-11-25T01:00:00Z");
    }

    @Test
    void emitsNothingMoreWhileTheEpisodeIsOpen() throws Exception {
        // given
        DetectorHarness detector = detector();
        detector.feed(falling(0), falling(1), falling(2), falling(3), falling(4));

        // when: the decline goes on
        for (int step = 5; step < 30; step++) {
            detector.feed(falling(step));
        }

        // then
        assertThat(detector.alerts()).singleElement().extracting(Alert::state).isEqualTo(Alert.State.RAISED);
        assertThat(detector.requests()).hasSize(1);
    }

    @Test
    void raisesNothingForASlowDeclineANoisySeriesOrTooFewReadings() throws Exception {
        // given
        DetectorHarness detector = detector();

        // when: 0.6 MB/h reaches 20 MB only after 300 h; noise has no trend; a third box sends four readings
        for (int step = 0; step < 20; step++) {
            detector.feed(stbMemory("STB-SLOW", step * TEN_MINUTES, 200 - 0.1 * step));
            detector.feed(stbMemory("STB-NOISY", step * TEN_MINUTES, step % 2 == 0 ? 60 : 200 - step));
        }
        detector.feed(falling(0), falling(1), falling(2), falling(3));

        // then
        assertThat(detector.alerts()).isEmpty();
        assertThat(detector.requests()).isEmpty();
    }

    @Test
    void clearsWhenTheProjectionNoLongerReachesTheLimitWithinTwiceTheHorizon() throws Exception {
        // given
        DetectorHarness detector = detector();
        detector.feed(falling(0), falling(1), falling(2), falling(3), falling(4));

        // when: the box frees its memory again (e.g. after a restart): the first reading only flattens
        // the line, the second turns it away from the limit
        detector.feed(stbMemory(BOX, 5 * TEN_MINUTES, 200), stbMemory(BOX, 6 * TEN_MINUTES, 210));

        // then
        Instant raisedAt = T0.plusSeconds(4 * TEN_MINUTES);
        assertThat(detector.alerts()).extracting(Alert::state)
                .containsExactly(Alert.State.RAISED, Alert.State.CLEARED);
        Alert cleared = detector.alerts().get(1);
        assertThat(cleared.alertId()).isEqualTo(EpisodeIds.alertId(BOX, "stb.memory-exhaustion", raisedAt));
        assertThat(cleared.ts()).isEqualTo(T0.plusSeconds(6 * TEN_MINUTES));
        assertThat(detector.requests()).hasSize(1);
    }

    @Test
    void doesNotFlapWhileTheProjectionHoversJustBeyondTheHorizon() throws Exception {
        // given: 1 MB per 10 minutes down from 200 MB, 20 MB about 29 h ahead: raised
        DetectorHarness detector = detector();
        detector.feed(stbMemory(BOX, 0, 200), stbMemory(BOX, TEN_MINUTES, 199), stbMemory(BOX, 2 * TEN_MINUTES, 198),
                stbMemory(BOX, 3 * TEN_MINUTES, 197), stbMemory(BOX, 4 * TEN_MINUTES, 196));
        assertThat(detector.alerts()).singleElement().extracting(Alert::state).isEqualTo(Alert.State.RAISED);

        // when: a higher reading flattens the line; 20 MB is now about 58 h ahead, beyond the 48 h horizon
        detector.feed(stbMemory(BOX, 5 * TEN_MINUTES, 198.5));

        // then: one episode, one request, no clear
        assertThat(detector.alerts()).singleElement().extracting(Alert::state).isEqualTo(Alert.State.RAISED);
        assertThat(detector.requests()).hasSize(1);

        // when: memory is freed, the line no longer heads for the limit
        detector.feed(stbMemory(BOX, 6 * TEN_MINUTES, 230), stbMemory(BOX, 7 * TEN_MINUTES, 240));

        // then
        assertThat(detector.alerts()).extracting(Alert::state)
                .containsExactly(Alert.State.RAISED, Alert.State.CLEARED);
        assertThat(detector.requests()).hasSize(1);
    }

    @Test
    void fitsOutOfOrderReadingsInDeviceTimeAndIgnoresReadingsOlderThanTheWindowBehindTheWatermark()
            throws Exception {
        // given
        DetectorHarness detector = detector();
        detector.watermark(T0.plus(Duration.ofHours(6)).plusSeconds(1));
        detector.feed(stbMemory(BOX, 0, 10));

        // when
        detector.feed(falling(40), falling(44), falling(42), falling(41), falling(43));

        // then: the fit is exact, as if the readings had come in order
        MaintenanceRequest request = assertThat(detector.requests()).singleElement().actual();
        assertThat(request.predictedAt()).isEqualTo(T0.plus(Duration.ofHours(15)));
        assertThat(request.evidence()).extracting(e -> e.ts())
                .isSorted()
                .hasSize(5);
    }

    @Test
    void clearsAndDropsAllStateOnceTheDeviceStopsSendingTheMetricForAWholeWindow() throws Exception {
        // given
        DetectorHarness detector = detector();
        detector.feed(falling(0), falling(1), falling(2), falling(3), falling(4));
        assertThat(detector.eventTimeTimers()).isEqualTo(1);

        // when
        Instant windowEnd = T0.plusSeconds(4 * TEN_MINUTES).plus(Duration.ofHours(6));
        detector.watermark(windowEnd);

        // then
        assertThat(detector.alerts()).extracting(Alert::state)
                .containsExactly(Alert.State.RAISED, Alert.State.CLEARED);
        assertThat(detector.alerts().get(1).ts()).isEqualTo(windowEnd);
        assertThat(detector.stateEntries()).isZero();
        assertThat(detector.eventTimeTimers()).isZero();
    }

    @Test
    void watchesOnlyDevicesInScope() throws Exception {
        // given
        DetectorHarness detector = detector();

        // when: a charger reports a falling mem_free_mb
        for (int step = 0; step < 10; step++) {
            detector.feed(Telemetry.metrics("CHARGER-1", DeviceType.EV_CHARGER, "AC-22-DUO", Protocol.OCPP16,
                    step * TEN_MINUTES, Map.of("mem_free_mb", 200.0 - 2 * step)));
        }

        // then
        assertThat(detector.alerts()).isEmpty();
        assertThat(detector.stateEntries()).isZero();
    }

    @Test
    void aSteepRiseOverLessThanTheMinimumSpanIsNotExtrapolated() throws Exception {
        // given: the rule needs readings covering an hour; a box loses 2 MB a minute for 20 minutes
        TrendRule spanned = new TrendRule(MEMORY.id(), MEMORY.description(), MEMORY.scope(), MEMORY.metric(),
                MEMORY.direction(), MEMORY.limit(), MEMORY.window(), MEMORY.horizon(), MEMORY.minPoints(),
                MEMORY.minR2(), MEMORY.severity(), Duration.ofHours(1));
        DetectorHarness detector = detector(spanned);

        // when
        for (int minute = 0; minute <= 20; minute++) {
            detector.feed(stbMemory(BOX, minute * 60L, 200 - 2 * minute));
        }

        // then: a fit over 20 minutes does not raise, however straight the line
        assertThat(detector.alerts()).isEmpty();

        // when: the decline goes on for a full hour
        for (int minute = 21; minute <= 60; minute++) {
            detector.feed(stbMemory(BOX, minute * 60L, 200 - 2 * minute));
        }

        // then
        assertThat(detector.alerts()).singleElement().extracting(Alert::state).isEqualTo(Alert.State.RAISED);
        assertThat(detector.requests()).hasSize(1);
    }

    private DetectorHarness detector() throws Exception {
        return detector(MEMORY);
    }

    private DetectorHarness detector(TrendRule rule) throws Exception {
        DetectorHarness harness = DetectorHarness.open(new TrendPredictionDetector(List.of(rule), 10));
        harnesses.add(harness);
        return harness;
    }

    /** Reading {@code step} of a box losing 2 MB every 10 minutes from 200 MB. */
    private static DeviceEvent falling(int step) {
        return stbMemory(BOX, step * TEN_MINUTES, 200 - 2 * step);
    }

    private static DeviceEvent stbMemory(String deviceId, long seconds, double mb) {
        return Telemetry.metrics(deviceId, DeviceType.SET_TOP_BOX, STB_MODEL, Protocol.MQTT, seconds,
                Map.of("mem_free_mb", mb));
    }
}
