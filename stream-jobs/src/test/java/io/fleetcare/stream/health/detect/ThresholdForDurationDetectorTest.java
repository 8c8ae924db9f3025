package io.fleetcare.stream.health.detect;

import static io.fleetcare.stream.testing.Telemetry.T0;
import static io.fleetcare.stream.testing.Telemetry.chargerConnectorTemp;
import static io.fleetcare.stream.testing.Telemetry.stbCpuTemp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Severity;
import io.fleetcare.stream.rules.ThresholdRule;
import io.fleetcare.stream.testing.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThresholdForDurationDetectorTest {

    static final ThresholdRule CPU_OVERHEAT = new ThresholdRule("stb.cpu-overheat", "CPU too hot",
            DeviceType.SET_TOP_BOX, Set.of(), "cpu_temp_c", ThresholdRule.Direction.ABOVE,
            85, 80, Duration.ofSeconds(60), Severity.MAJOR);

    static final String BOX = "STB-0001";

    private final List<KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, Alert>> harnesses = new ArrayList<>();

    @AfterEach
    void closeHarnesses() throws Exception {
        for (var harness : harnesses) {
            harness.close();
        }
    }

    @Test
    void raisesAnAlertAndAMaintenanceRequestOnceTheBreachLastsTheSustainPeriod() throws Exception {
        // given
        var detector = detector(CPU_OVERHEAT);
        feed(detector, stbCpuTemp(BOX, 0, 86), stbCpuTemp(BOX, 20, 88), stbCpuTemp(BOX, 40, 90),
                stbCpuTemp(BOX, 59, 91));
        assertThat(alerts(detector)).isEmpty();

        // when
        feed(detector, stbCpuTemp(BOX, 60, 92.5), stbCpuTemp(BOX, 70, 93));

        // then
        List<Evidence> expectedEvidence = List.of(
                Evidence.reading(T0, "cpu_temp_c", 86), Evidence.reading(T0.plusSeconds(20), "cpu_temp_c", 88),
                Evidence.reading(T0.plusSeconds(40), "cpu_temp_c", 90), Evidence.reading(T0.plusSeconds(59), "cpu_temp_c", 91),
                Evidence.reading(T0.plusSeconds(60), "cpu_temp_c", 92.5));
        Alert alert = assertThat(alerts(detector)).singleElement().actual();
        assertThat(alert.state()).isEqualTo(Alert.State.RAISED);
        assertThat(alert.deviceId()).isEqualTo(BOX);
        assertThat(alert.deviceType()).isEqualTo(DeviceType.SET_TOP_BOX);
        assertThat(alert.model()).isEqualTo(Telemetry.STB_MODEL);
        assertThat(alert.ruleId()).isEqualTo("stb.cpu-overheat");
        assertThat(alert.severity()).isEqualTo(Severity.MAJOR);
        assertThat(alert.episodeStart()).isEqualTo(T0);
        assertThat(alert.ts()).isEqualTo(T0.plusSeconds(60));
        assertThat(alert.message()).isEqualTo("cpu_temp_c above 85 for at least 60 s (latest 92.5)");
        assertThat(alert.evidence()).isEqualTo(expectedEvidence);
        assertThat(alert.alertId()).isEqualTo(EpisodeIds.alertId(BOX, "stb.cpu-overheat", T0));

        MaintenanceRequest request = assertThat(requests(detector)).singleElement().actual();
        assertThat(request.kind()).isEqualTo(MaintenanceRequest.Kind.CORRECTIVE);
        assertThat(request.requestId()).isEqualTo(EpisodeIds.requestId(BOX, "stb.cpu-overheat", T0))
                .isNotEqualTo(alert.alertId());
        assertThat(request.alertId()).isEqualTo(alert.alertId());
        assertThat(request.deviceId()).isEqualTo(BOX);
        assertThat(request.ruleId()).isEqualTo("stb.cpu-overheat");
        assertThat(request.severity()).isEqualTo(Severity.MAJOR);
        assertThat(request.problem()).contains("cpu_temp_c", "above 85", "60 s");
        assertThat(request.detectedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(request.predictedAt()).isNull();
        assertThat(request.evidence()).isEqualTo(expectedEvidence);
    }

    @Test
    void raisesNothingWhenAReadingDipsBelowTheRaiseLimitBeforeTheSustainPeriodEnds() throws Exception {
        // given
        var detector = detector(CPU_OVERHEAT);

        // when: the dip to 84 (above the clear level, below the raise level) interrupts the episode
        feed(detector, stbCpuTemp(BOX, 0, 90), stbCpuTemp(BOX, 30, 90), stbCpuTemp(BOX, 45, 84),
                stbCpuTemp(BOX, 50, 90), stbCpuTemp(BOX, 70, 90), stbCpuTemp(BOX, 100, 90));

        // then
        assertThat(alerts(detector)).isEmpty();
        assertThat(requests(detector)).isEmpty();

        // and when the new episode has lasted long enough, it raises with its own start
        feed(detector, stbCpuTemp(BOX, 110, 90));
        assertThat(alerts(detector)).singleElement()
                .satisfies(a -> assertThat(a.episodeStart()).isEqualTo(T0.plusSeconds(50)));
    }

    @Test
    void clearsTheRaisedAlertWhenAReadingIsAtOrBelowTheClearLevel() throws Exception {
        // given
        var detector = detector(CPU_OVERHEAT);
        raise(detector);

        // when
        feed(detector, stbCpuTemp(BOX, 90, 80));

        // then
        assertThat(alerts(detector)).hasSize(2);
        Alert raised = alerts(detector).get(0);
        Alert cleared = alerts(detector).get(1);
        assertThat(cleared.state()).isEqualTo(Alert.State.CLEARED);
        assertThat(cleared.alertId()).isEqualTo(raised.alertId());
        assertThat(cleared.episodeStart()).isEqualTo(T0);
        assertThat(cleared.ts()).isEqualTo(T0.plusSeconds(90));
        assertThat(cleared.message()).isEqualTo("cpu_temp_c at or below 80 again (80)");
        assertThat(cleared.evidence()).containsExactly(Evidence.reading(T0.plusSeconds(90), "cpu_temp_c", 80));
        assertThat(requests(detector)).hasSize(1);
    }

    @Test
    void keepsTheAlertRaisedWhileReadingsMoveBetweenTheClearAndRaiseLevels() throws Exception {
        // given
        var detector = detector(CPU_OVERHEAT);
        raise(detector);

        // when
        feed(detector, stbCpuTemp(BOX, 70, 82), stbCpuTemp(BOX, 80, 86), stbCpuTemp(BOX, 90, 80.5),
                stbCpuTemp(BOX, 100, 85), stbCpuTemp(BOX, 160, 89), stbCpuTemp(BOX, 200, 84));

        // then: still the one raise, no clear and no second request
        assertThat(alerts(detector)).singleElement()
                .satisfies(a -> assertThat(a.state()).isEqualTo(Alert.State.RAISED));
        assertThat(requests(detector)).hasSize(1);

        // and when it finally cools down, one clear
        feed(detector, stbCpuTemp(BOX, 210, 79));
        assertThat(alerts(detector)).extracting(Alert::state)
                .containsExactly(Alert.State.RAISED, Alert.State.CLEARED);
    }

    @Test
    void ignoresReadingsOlderThanTheLastReadingOfTheEpisode() throws Exception {
        // given
        var detector = detector(CPU_OVERHEAT);
        feed(detector, stbCpuTemp(BOX, 0, 90), stbCpuTemp(BOX, 30, 91));

        // when: a healthy reading from before the last one arrives late, then the breach goes on
        feed(detector, stbCpuTemp(BOX, 10, 70), stbCpuTemp(BOX, 60, 92));

        // then: the episode was not interrupted and the late reading is no evidence
        Alert raised = assertThat(alerts(detector)).singleElement().actual();
        assertThat(raised.episodeStart()).isEqualTo(T0);
        assertThat(raised.evidence()).extracting(Evidence::value).containsExactly(90.0, 91.0, 92.0);

        // and a late healthy reading does not clear the raised alert either
        feed(detector, stbCpuTemp(BOX, 50, 60));
        assertThat(alerts(detector)).hasSize(1);
    }

    @Test
    void removesTheEpisodeStateWhenAnEpisodeEnds() throws Exception {
        // given: a pending episode, which holds state
        var detector = detector(CPU_OVERHEAT);
        feed(detector, stbCpuTemp(BOX, 0, 90));
        assertThat(detector.numKeyedStateEntries()).isEqualTo(1);

        // when it ends before raising
        feed(detector, stbCpuTemp(BOX, 10, 83));

        // then
        assertThat(detector.numKeyedStateEntries()).isZero();

        // and when a raised episode clears
        feed(detector, stbCpuTemp(BOX, 20, 90), stbCpuTemp(BOX, 80, 90));
        assertThat(alerts(detector)).hasSize(1);
        assertThat(detector.numKeyedStateEntries()).isEqualTo(1);
        feed(detector, stbCpuTemp(BOX, 90, 75));
        assertThat(detector.numKeyedStateEntries()).isZero();
    }

    @Test
    void forgetsThePendingEpisodeOfADeviceSilentForTheRetentionPeriod() throws Exception {
        // given: a pending episode, then seven days without a reading from the box
        var detector = detector(CPU_OVERHEAT);
        detector.setStateTtlProcessingTime(0);
        feed(detector, stbCpuTemp(BOX, 0, 90));
        detector.setStateTtlProcessingTime(Duration.ofDays(7).toMillis());

        // when: the box comes back hot
        feed(detector, stbCpuTemp(BOX, Duration.ofDays(8).toSeconds(), 90));

        // then: a new episode starts instead of raising on the forgotten one
        assertThat(alerts(detector)).isEmpty();
        feed(detector, stbCpuTemp(BOX, Duration.ofDays(8).toSeconds() + 60, 90));
        assertThat(alerts(detector)).singleElement().extracting(Alert::episodeStart)
                .isEqualTo(T0.plus(Duration.ofDays(8)));
    }

    @Test
    void givesTheSameIdsWhenTheSameTelemetryIsProcessedAgain() throws Exception {
        // given
        List<DeviceEvent> telemetry = Stream.of(0, 15, 30, 45, 60, 75, 90, 105, 120)
                .map(s -> stbCpuTemp(BOX, s, s < 100 ? 88 + s / 15.0 : 70))
                .toList();

        // when
        var first = detector(CPU_OVERHEAT);
        feed(first, telemetry.toArray(DeviceEvent[]::new));
        var replay = detector(CPU_OVERHEAT);
        feed(replay, telemetry.toArray(DeviceEvent[]::new));

        // then
        assertThat(alerts(first)).extracting(Alert::state).containsExactly(Alert.State.RAISED, Alert.State.CLEARED);
        assertThat(alerts(replay)).isEqualTo(alerts(first));
        assertThat(requests(replay)).isEqualTo(requests(first));
        assertThat(requests(first)).singleElement()
                .satisfies(r -> assertThat(r.requestId()).isEqualTo(EpisodeIds.requestId(BOX, "stb.cpu-overheat", T0)));
    }

    @Test
    void givesEachEpisodeItsOwnIds() throws Exception {
        // given
        var detector = detector(CPU_OVERHEAT);

        // when: two episodes on one box
        feed(detector, stbCpuTemp(BOX, 0, 90), stbCpuTemp(BOX, 60, 90), stbCpuTemp(BOX, 70, 70),
                stbCpuTemp(BOX, 100, 90), stbCpuTemp(BOX, 160, 90));

        // then
        List<Alert> raised = alerts(detector).stream().filter(a -> a.state() == Alert.State.RAISED).toList();
        assertThat(raised).hasSize(2);
        assertThat(raised.get(0).alertId()).isNotEqualTo(raised.get(1).alertId());
        assertThat(requests(detector)).extracting(MaintenanceRequest::requestId).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void emitsNothingForAHealthyDevice() throws Exception {
        // given
        var detector = detector(CPU_OVERHEAT);

        // when: an hour of readings up to exactly the raise level
        for (int s = 0; s < 3600; s += 10) {
            feed(detector, stbCpuTemp(BOX, s, 60 + (s / 10) % 26));
        }

        // then
        assertThat(alerts(detector)).isEmpty();
        assertThat(requests(detector)).isEmpty();
        assertThat(detector.numKeyedStateEntries()).isZero();
    }

    @Test
    void keepsOnlyTheMostRecentBreachingReadingsAsEvidence() throws Exception {
        // given
        var detector = detector(CPU_OVERHEAT);

        // when: 31 breaching readings two seconds apart
        for (int s = 0; s <= 60; s += 2) {
            feed(detector, stbCpuTemp(BOX, s, 86 + s / 10.0));
        }

        // then
        Alert raised = assertThat(alerts(detector)).singleElement().actual();
        assertThat(raised.evidence()).hasSize(20);
        assertThat(raised.evidence().get(19).ts()).isEqualTo(T0.plusSeconds(60));
        assertThat(raised.evidence().get(0).ts()).isEqualTo(T0.plusSeconds(22));
        assertThat(raised.episodeStart()).isEqualTo(T0);
    }

    @Test
    void watchesOnlyTheDeviceTypeAndModelsTheRuleNames() throws Exception {
        // given
        ThresholdRule onlyOneModel = new ThresholdRule("stb.cpu-overheat.4k", "", DeviceType.SET_TOP_BOX,
                Set.of(Telemetry.STB_MODEL), "cpu_temp_c", ThresholdRule.Direction.ABOVE, 85, 80,
                Duration.ZERO, Severity.MAJOR);
        var detector = detector(onlyOneModel);

        // when: the same metric from another model and from a charger
        DeviceEvent otherModel = Telemetry.metrics("STB-0002", DeviceType.SET_TOP_BOX, "STB-HD-100", Protocol.MQTT,
                0, Map.of("cpu_temp_c", 99.0));
        DeviceEvent charger = Telemetry.metrics("CP-0001", DeviceType.EV_CHARGER, Telemetry.STB_MODEL, Protocol.OCPP16,
                0, Map.of("cpu_temp_c", 99.0));
        feed(detector, otherModel, charger, chargerConnectorTemp("CP-0001", 5, 120));
        assertThat(alerts(detector)).isEmpty();
        feed(detector, stbCpuTemp(BOX, 0, 99));

        // then: a zero sustain period raises on the first breaching reading of the named model
        assertThat(alerts(detector)).singleElement().satisfies(a -> assertThat(a.deviceId()).isEqualTo(BOX));
    }

    @Test
    void raisesForMetricsThatAreUnhealthyWhenLow() throws Exception {
        // given
        ThresholdRule weakSignal = new ThresholdRule("stb.weak-signal", "", DeviceType.SET_TOP_BOX, Set.of(),
                "tuner_snr_db", ThresholdRule.Direction.BELOW, 20, 24, Duration.ofMinutes(5), Severity.MINOR);
        var detector = detector(weakSignal);
        DeviceEvent[] readings = Stream.of(new double[][] {{0, 18}, {150, 19}, {300, 17}, {360, 22}, {420, 24}})
                .map(r -> Telemetry.metrics(BOX, DeviceType.SET_TOP_BOX, Telemetry.STB_MODEL, Protocol.MQTT,
                        (long) r[0], Map.of("tuner_snr_db", r[1])))
                .toArray(DeviceEvent[]::new);

        // when
        feed(detector, readings);

        // then
        assertThat(alerts(detector)).extracting(Alert::state, Alert::ts)
                .containsExactly(
                        tuple(Alert.State.RAISED, T0.plusSeconds(300)),
                        tuple(Alert.State.CLEARED, T0.plusSeconds(420)));
        assertThat(alerts(detector).get(0).message()).isEqualTo("tuner_snr_db below 20 for at least 5 min (latest 17)");
    }

    private KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, Alert> detector(ThresholdRule... rules)
            throws Exception {
        var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ThresholdForDurationDetector(List.of(rules), 20, Duration.ofDays(7))),
                DeviceEvent::deviceId, Types.STRING);
        harness.open();
        harnesses.add(harness);
        return harness;
    }

    private static void raise(KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, Alert> detector)
            throws Exception {
        feed(detector, stbCpuTemp(BOX, 0, 90), stbCpuTemp(BOX, 30, 90), stbCpuTemp(BOX, 60, 90));
        assertThat(alerts(detector)).extracting(Alert::state).containsExactly(Alert.State.RAISED);
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, Alert> detector,
                             DeviceEvent... events) throws Exception {
        for (DeviceEvent event : events) {
            detector.processElement(event, event.deviceTs().toEpochMilli());
        }
    }

    private static List<Alert> alerts(KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, Alert> detector) {
        return detector.extractOutputValues();
    }

    private static List<MaintenanceRequest> requests(
            KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, Alert> detector) {
        ConcurrentLinkedQueue<StreamRecord<MaintenanceRequest>> side =
                detector.getSideOutput(DetectorOutputs.MAINTENANCE_REQUESTS);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }
}
