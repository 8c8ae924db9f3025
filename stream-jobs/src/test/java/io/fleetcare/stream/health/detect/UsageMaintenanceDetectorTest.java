package io.fleetcare.stream.health.detect;

import static io.fleetcare.stream.testing.Telemetry.CHARGER_MODEL;
import static io.fleetcare.stream.testing.Telemetry.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Severity;
import io.fleetcare.stream.rules.DeviceScope;
import io.fleetcare.stream.rules.UsageRule;
import io.fleetcare.stream.testing.Telemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UsageMaintenanceDetectorTest {

    static final UsageRule ENERGY = new UsageRule("charger.energy-service", "inspect contactors",
            DeviceScope.allOf(DeviceType.EV_CHARGER), UsageRule.Measure.ENERGY_WH, 1000, Severity.MINOR);
    static final UsageRule PLUG_CYCLES = new UsageRule("charger.plug-cycle-service", "",
            DeviceScope.allOf(DeviceType.EV_CHARGER), UsageRule.Measure.PLUG_CYCLES, 3, Severity.MINOR);

    static final String CHARGER = "CP-0001";

    private final List<DetectorHarness> harnesses = new ArrayList<>();

    @AfterEach
    void closeHarnesses() throws Exception {
        for (DetectorHarness harness : harnesses) {
            harness.close();
        }
    }

    @Test
    void requestsScheduledMaintenanceOnceTheEnergyDeliveredPassesTheInterval() throws Exception {
        // given: the register starts at 50 000 Wh when the job first sees the charger
        DetectorHarness detector = detector(ENERGY);
        detector.feed(energy(0, 1, 50_000), energy(60, 1, 50_400), energy(120, 2, 7_000), energy(180, 2, 7_500));
        assertThat(detector.requests()).isEmpty();

        // when: 400 + 500 + 200 = 1 100 Wh delivered
        detector.feed(energy(240, 1, 50_600));

        // then
        MaintenanceRequest request = assertThat(detector.requests()).singleElement().actual();
        assertThat(request.requestId())
                .isEqualTo(EpisodeIds.requestId(CHARGER, "charger.energy-service", "interval-1", T0));
        assertThat(request.kind()).isEqualTo(MaintenanceRequest.Kind.SCHEDULED);
        assertThat(request.severity()).isEqualTo(Severity.MINOR);
        assertThat(request.alertId()).isNull();
        assertThat(request.predictedAt()).isNull();
        assertThat(request.detectedAt()).isEqualTo(T0.plusSeconds(240));
        assertThat(request.problem()).isEqualTo("Maintenance 1 is due: at least 1000 Wh since " + T0
                + " (rule charger.energy-service, every 1000 Wh): inspect contactors");
        assertThat(request.evidence()).singleElement().extracting(e -> e.value()).isEqualTo(1100.0);
        assertThat(detector.alerts()).isEmpty();
    }

    @Test
    void opensOneRequestPerIntervalCrossedAndNoneAgainWithinAnInterval() throws Exception {
        // given
        DetectorHarness detector = detector(ENERGY);
        detector.feed(energy(0, 1, 0));

        // when: 2 500 Wh in one step, then 300 Wh more
        detector.feed(energy(60, 1, 2_500), energy(120, 1, 2_800));

        // then
        assertThat(detector.requests()).extracting(MaintenanceRequest::requestId).containsExactly(
                EpisodeIds.requestId(CHARGER, "charger.energy-service", "interval-1", T0),
                EpisodeIds.requestId(CHARGER, "charger.energy-service", "interval-2", T0));
    }

    @Test
    void opensTheRequestExactlyWhenTheCountReachesTheIntervalAndNotJustBefore() throws Exception {
        // given
        DetectorHarness detector = detector(ENERGY);
        detector.feed(energy(0, 1, 0), energy(60, 1, 999));
        assertThat(detector.requests()).isEmpty();

        // when: the count reaches 1 000 Wh, then stays below 2 000 Wh
        detector.feed(energy(120, 1, 1_000), energy(180, 1, 1_999));

        // then
        assertThat(detector.requests()).singleElement()
                .satisfies(r -> assertThat(r.detectedAt()).isEqualTo(T0.plusSeconds(120)));

        // when: it reaches 2 000 Wh
        detector.feed(energy(240, 1, 2_000));

        // then
        assertThat(detector.requests()).extracting(MaintenanceRequest::detectedAt)
                .containsExactly(T0.plusSeconds(120), T0.plusSeconds(240));
    }

    @Test
    void countsTheNewValueOfARegisterThatWasResetAndIgnoresOutOfOrderReadings() throws Exception {
        // given
        DetectorHarness detector = detector(ENERGY);
        detector.feed(energy(0, 1, 90_000), energy(120, 1, 90_600));

        // when: a late reading arrives, then the meter restarts from zero and counts 500 Wh
        detector.feed(energy(60, 1, 90_300), energy(180, 1, 100), energy(240, 1, 500));

        // then: 600 + 500 = 1 100 Wh, not 600 + 300 + ... nor a negative step
        assertThat(detector.requests()).singleElement()
                .satisfies(r -> assertThat(r.detectedAt()).isEqualTo(T0.plusSeconds(240)))
                .satisfies(r -> assertThat(r.evidence().get(0).value()).isEqualTo(1100.0));
    }

    @Test
    void aRegisterThatFallsByRoundingIsNotTakenForAReset() throws Exception {
        // given: MeterValues with a fraction, then meterStart of the next session in whole Wh
        DetectorHarness detector = detector(ENERGY);
        detector.feed(energy(0, 1, 1_200_000.6), energy(60, 1, 1_200_000));

        // when: the session delivers 900.4 Wh
        detector.feed(energy(120, 1, 1_200_901));

        // then: nothing near the 1.2 MWh a reset would have counted
        assertThat(detector.requests()).isEmpty();

        // when: 99.6 Wh more reach 1 000 Wh
        detector.feed(energy(180, 1, 1_201_000.6));

        // then
        assertThat(detector.requests()).singleElement()
                .satisfies(r -> assertThat(r.evidence().get(0).value()).isCloseTo(1000.0, org.assertj.core.data.Offset.offset(1e-6)));
    }

    @Test
    void countsPlugCyclesFromStartedTransactions() throws Exception {
        // given
        DetectorHarness detector = detector(PLUG_CYCLES);
        detector.feed(started(0), stopped(30), started(60));

        // when
        detector.feed(started(120), started(180));

        // then
        assertThat(detector.requests()).singleElement()
                .satisfies(r -> assertThat(r.requestId()).isEqualTo(
                        EpisodeIds.requestId(CHARGER, "charger.plug-cycle-service", "interval-1", T0)))
                .satisfies(r -> assertThat(r.detectedAt()).isEqualTo(T0.plusSeconds(120)));
    }

    @Test
    void givesTheSameIdsWhenTheSameTelemetryIsReplayed() throws Exception {
        // given
        DeviceEvent[] telemetry = {energy(0, 1, 0), energy(60, 1, 1_200)};

        // when
        DetectorHarness first = detector(ENERGY).feed(telemetry);
        DetectorHarness replay = detector(ENERGY).feed(telemetry);

        // then
        assertThat(replay.requests()).isEqualTo(first.requests()).hasSize(1);
    }

    @Test
    void keepsOneCounterPerWatchedDeviceAndNoTimers() throws Exception {
        // given
        DetectorHarness detector = detector(ENERGY);

        // when: a charger and a set-top box report
        detector.feed(energy(0, 1, 0), energy(60, 1, 10));
        detector.feed(Telemetry.stbCpuTemp("STB-1", 0, 50));

        // then
        assertThat(detector.stateEntries()).isEqualTo(1);
        assertThat(detector.eventTimeTimers()).isZero();
        assertThat(detector.processingTimeTimers()).isZero();
    }

    private DetectorHarness detector(UsageRule rule) throws Exception {
        DetectorHarness harness = DetectorHarness.open(new UsageMaintenanceDetector(List.of(rule)));
        harnesses.add(harness);
        return harness;
    }

    private static DeviceEvent energy(long seconds, int connector, double wh) {
        return Telemetry.metrics(CHARGER, DeviceType.EV_CHARGER, CHARGER_MODEL, Protocol.OCPP16, seconds,
                Map.of("connector." + connector + ".energy_wh", wh));
    }

    private static DeviceEvent started(long seconds) {
        return occurrence(seconds, "TRANSACTION_STARTED");
    }

    private static DeviceEvent stopped(long seconds) {
        return occurrence(seconds, "TRANSACTION_STOPPED");
    }

    private static DeviceEvent occurrence(long seconds, String name) {
        Instant ts = T0.plusSeconds(seconds);
        return new DeviceEvent(name + "@" + seconds, CHARGER, DeviceType.EV_CHARGER, CHARGER_MODEL, Protocol.OCPP16,
                EventKind.EVENT, ts, ts, Map.of(), null, new DeviceOccurrence(name, null, null, null));
    }
}
