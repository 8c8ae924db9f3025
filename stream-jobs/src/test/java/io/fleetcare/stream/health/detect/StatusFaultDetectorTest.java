package io.fleetcare.stream.health.detect;

import static io.fleetcare.stream.testing.Telemetry.T0;
import static io.fleetcare.stream.testing.Telemetry.chargerHeartbeat;
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
import io.fleetcare.stream.rules.ErrorEventRule;
import io.fleetcare.stream.rules.StatusFaultRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusFaultDetectorTest {

    static final StatusFaultRule CHARGER_FAULTS = new StatusFaultRule("charger.status-fault", "",
            DeviceScope.allOf(DeviceType.EV_CHARGER),
            Map.of("GroundFailure", Severity.CRITICAL, "ConnectorLockFailure", Severity.MAJOR,
                    "WeakSignal", Severity.MINOR),
            Severity.MINOR, Severity.MAJOR, Set.of(Severity.CRITICAL, Severity.MAJOR));
    static final ErrorEventRule STB_ERRORS = new ErrorEventRule("stb.error", "",
            DeviceScope.allOf(DeviceType.SET_TOP_BOX), Map.of("DECODER_HANG", Severity.MAJOR), Severity.MINOR,
            Duration.ofMinutes(15), Set.of(Severity.MAJOR));
    static final Duration LATENESS = Duration.ofSeconds(10);

    static final String CHARGER = "CP-0001";
    static final String BOX = "STB-0001";

    private final List<DetectorHarness> harnesses = new ArrayList<>();

    @AfterEach
    void closeHarnesses() throws Exception {
        for (DetectorHarness harness : harnesses) {
            harness.close();
        }
    }

    @Test
    void raisesOneAlertAndOneTicketPerConnectorAndFaultCode() throws Exception {
        // given
        DetectorHarness detector = detector();

        // when: a ground failure on connector 1, reported again, and the same on connector 2
        detector.feed(chargerStatus(CHARGER, 0, 1, "Faulted", "GroundFailure"),
                chargerStatus(CHARGER, 30, 1, "Faulted", "GroundFailure"),
                chargerStatus(CHARGER, 40, 2, "Faulted", "GroundFailure"));

        // then
        String connector1 = EpisodeIds.alertId(CHARGER, "charger.status-fault", "connector-1/GroundFailure", T0);
        String connector2 = EpisodeIds.alertId(CHARGER, "charger.status-fault", "connector-2/GroundFailure",
                T0.plusSeconds(40));
        assertThat(detector.alerts()).extracting(Alert::alertId, Alert::state, Alert::severity, Alert::ts)
                .containsExactly(
                        tuple(connector1, Alert.State.RAISED, Severity.CRITICAL, T0),
                        tuple(connector2, Alert.State.RAISED, Severity.CRITICAL, T0.plusSeconds(40)));
        Alert first = detector.alerts().get(0);
        assertThat(first.ruleId()).isEqualTo("charger.status-fault");
        assertThat(first.episodeStart()).isEqualTo(T0);
        assertThat(first.message()).isEqualTo("connector 1 reports GroundFailure (state Faulted, errorCode GroundFailure)");
        assertThat(first.evidence()).containsExactly(
                Evidence.text(T0, "connector.1.status", "state Faulted, errorCode GroundFailure"));

        MaintenanceRequest request = detector.requests().get(0);
        assertThat(detector.requests()).hasSize(2);
        assertThat(request.requestId())
                .isEqualTo(EpisodeIds.requestId(CHARGER, "charger.status-fault", "connector-1/GroundFailure", T0));
        assertThat(request.alertId()).isEqualTo(connector1);
        assertThat(request.kind()).isEqualTo(MaintenanceRequest.Kind.CORRECTIVE);
        assertThat(request.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(request.problem()).startsWith("Connector 1 reports GroundFailure (rule charger.status-fault)");
        assertThat(request.detectedAt()).isEqualTo(T0);
    }

    @Test
    void mapsErrorCodesToSeveritiesAndOpensTicketsOnlyForTheConfiguredOnes() throws Exception {
        // given
        DetectorHarness detector = detector();

        // when: a listed minor code on a usable connector, an unlisted code, and Faulted without code
        detector.feed(chargerStatus(CHARGER, 0, 1, "Available", "WeakSignal"),
                chargerStatus(CHARGER, 1, 2, "Faulted", "OverVoltage"),
                chargerStatus(CHARGER, 2, 0, "Faulted", "NoError"));

        // then
        assertThat(detector.alerts()).extracting(Alert::message, Alert::severity).containsExactly(
                tuple("connector 1 reports WeakSignal (state Available, errorCode WeakSignal)", Severity.MINOR),
                tuple("connector 2 reports OverVoltage (state Faulted, errorCode OverVoltage)", Severity.MINOR),
                tuple("connector 0 reports Faulted (state Faulted, errorCode NoError)", Severity.MAJOR));
        assertThat(detector.requests()).singleElement()
                .satisfies(r -> assertThat(r.problem()).startsWith("The charge point reports Faulted"));
    }

    @Test
    void clearsEveryFaultOfAConnectorWhenItReportsNoErrorInAUsableState() throws Exception {
        // given: two faults on connector 1, one on connector 2
        DetectorHarness detector = detector();
        detector.feed(chargerStatus(CHARGER, 0, 1, "Faulted", "ConnectorLockFailure"),
                chargerStatus(CHARGER, 10, 1, "Faulted", "GroundFailure"),
                chargerStatus(CHARGER, 20, 2, "Faulted", "GroundFailure"));

        // when
        detector.feed(chargerStatus(CHARGER, 60, 1, "Available", "NoError"));

        // then: both faults of connector 1 clear, connector 2 stays raised
        List<Alert> cleared = detector.alerts().stream().filter(a -> a.state() == Alert.State.CLEARED).toList();
        assertThat(cleared).extracting(Alert::alertId, Alert::ts).containsExactly(
                tuple(detector.alerts().get(0).alertId(), T0.plusSeconds(60)),
                tuple(detector.alerts().get(1).alertId(), T0.plusSeconds(60)));
        assertThat(cleared.get(0).message()).isEqualTo("connector 1 healthy again (state Available, errorCode NoError)");
        assertThat(cleared.get(0).episodeStart()).isEqualTo(T0);
        assertThat(cleared.get(1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(detector.requests()).hasSize(3);
    }

    @Test
    void doesNotFlapOnReportsThatAreNotFullyHealthy() throws Exception {
        // given
        DetectorHarness detector = detector();
        detector.feed(chargerStatus(CHARGER, 0, 1, "Faulted", "GroundFailure"));

        // when: Faulted with NoError, a usable state with another error, heartbeats and repeats
        detector.feed(chargerStatus(CHARGER, 10, 1, "Faulted", "NoError"),
                chargerStatus(CHARGER, 20, 1, "Available", "WeakSignal"),
                chargerHeartbeat(CHARGER, 25),
                chargerStatus(CHARGER, 30, 1, "Faulted", "GroundFailure"));

        // then: nothing cleared; each distinct code raised once
        assertThat(detector.alerts()).extracting(Alert::state).containsOnly(Alert.State.RAISED);
        assertThat(detector.alerts()).extracting(a -> a.message().split(" ")[3])
                .containsExactly("GroundFailure", "Faulted", "WeakSignal");

        // and when the connector is healthy, all three clear exactly once
        detector.feed(chargerStatus(CHARGER, 40, 1, "Preparing", "NoError"),
                chargerStatus(CHARGER, 50, 1, "Available", "NoError"));
        assertThat(detector.alerts()).filteredOn(a -> a.state() == Alert.State.CLEARED).hasSize(3);
    }

    @Test
    void ignoresReportsOlderThanTheNewestOneOfTheConnector() throws Exception {
        // given: a fault, then healthy
        DetectorHarness detector = detector();
        detector.feed(chargerStatus(CHARGER, 0, 1, "Faulted", "ConnectorLockFailure"));

        // when: an older healthy report arrives late, then the real clear, then an older fault late
        detector.feed(chargerStatus(CHARGER, -5, 1, "Available", "NoError"));
        assertThat(detector.alerts()).hasSize(1);
        detector.feed(chargerStatus(CHARGER, 30, 1, "Available", "NoError"),
                chargerStatus(CHARGER, 20, 1, "Faulted", "GroundFailure"));

        // then: one raise and one clear; the stale fault raised nothing
        assertThat(detector.alerts()).extracting(Alert::state, Alert::ts).containsExactly(
                tuple(Alert.State.RAISED, T0), tuple(Alert.State.CLEARED, T0.plusSeconds(30)));
        assertThat(detector.requests()).hasSize(1);
    }

    @Test
    void forgetsAHealthyConnectorOnceTheWatermarkPassesTheAllowedLateness() throws Exception {
        // given: healthy reports of a connector that never faulted leave no state
        DetectorHarness detector = detector();
        detector.feed(chargerStatus(CHARGER, 0, 1, "Available", "NoError"), stbCpuTemp(BOX, 0, 50));
        assertThat(detector.stateEntries()).isZero();

        // and a fault that cleared leaves a marker and one timer
        detector.feed(chargerStatus(CHARGER, 10, 1, "Faulted", "GroundFailure"),
                chargerStatus(CHARGER, 20, 1, "Available", "NoError"));
        assertThat(detector.stateEntries()).isEqualTo(1);
        assertThat(detector.eventTimeTimers()).isEqualTo(1);

        // when the watermark reaches the clear plus the lateness
        detector.watermark(T0.plusSeconds(29));
        assertThat(detector.stateEntries()).isEqualTo(1);
        detector.watermark(T0.plusSeconds(30));

        // then
        assertThat(detector.stateEntries()).isZero();
        assertThat(detector.eventTimeTimers()).isZero();
    }

    @Test
    void keepsAnOpenFaultWhateverTheWatermark() throws Exception {
        // given
        DetectorHarness detector = detector();
        detector.feed(chargerStatus(CHARGER, 0, 1, "Faulted", "GroundFailure"));

        // when
        detector.watermark(T0.plus(Duration.ofDays(30)));
        detector.feed(chargerStatus(CHARGER, 40 * 86400, 1, "Available", "NoError"));

        // then
        assertThat(detector.alerts()).extracting(Alert::state)
                .containsExactly(Alert.State.RAISED, Alert.State.CLEARED);
    }

    @Test
    void raisesASetTopBoxErrorAndClearsItWithTheFirstMessageAfterTheQuietPeriod() throws Exception {
        // given
        DetectorHarness detector = detector();

        // when: the error, repeated at +5 min, a reading just before the quiet period ends
        detector.feed(stbEvent(BOX, 0, "ERROR", null, "DECODER_HANG"),
                stbEvent(BOX, 300, "ERROR", null, "DECODER_HANG"),
                stbCpuTemp(BOX, 300 + 899, 50));

        // then: raised once with a ticket, not cleared
        String alertId = EpisodeIds.alertId(BOX, "stb.error", "code-DECODER_HANG", T0);
        assertThat(detector.alerts()).extracting(Alert::alertId, Alert::state, Alert::severity, Alert::message)
                .containsExactly(tuple(alertId, Alert.State.RAISED, Severity.MAJOR, "error DECODER_HANG"));
        assertThat(detector.requests()).singleElement().satisfies(r -> {
            assertThat(r.requestId()).isEqualTo(EpisodeIds.requestId(BOX, "stb.error", "code-DECODER_HANG", T0));
            assertThat(r.problem()).startsWith("The device reports error DECODER_HANG (rule stb.error)");
        });

        // and when a reading arrives exactly 15 min after the last occurrence
        detector.feed(stbCpuTemp(BOX, 300 + 900, 50));
        assertThat(detector.alerts()).extracting(Alert::alertId, Alert::state, Alert::ts).containsExactly(
                tuple(alertId, Alert.State.RAISED, T0),
                tuple(alertId, Alert.State.CLEARED, T0.plusSeconds(1200)));
        assertThat(detector.alerts().get(1).message()).startsWith("no DECODER_HANG for at least 15 min");
    }

    @Test
    void keepsSetTopBoxErrorsApartByCodeAndIgnoresLateRepeatsOfAClearedError() throws Exception {
        // given: a minor unlisted error raised and cleared
        DetectorHarness detector = detector();
        detector.feed(stbEvent(BOX, 0, "ERROR", null, "HDMI_HANDSHAKE_FAILED"),
                stbEvent(BOX, 600, "ERROR", null, "DECODER_HANG"),
                stbCpuTemp(BOX, 1000, 50));
        assertThat(detector.alerts()).extracting(Alert::state, Alert::severity).containsExactly(
                tuple(Alert.State.RAISED, Severity.MINOR), tuple(Alert.State.RAISED, Severity.MAJOR),
                tuple(Alert.State.CLEARED, Severity.MINOR));

        // when: the cleared error arrives late, from before the clear
        detector.feed(stbEvent(BOX, 500, "ERROR", null, "HDMI_HANDSHAKE_FAILED"));

        // then
        assertThat(detector.alerts()).hasSize(3);
        assertThat(detector.requests()).hasSize(1);
    }

    @Test
    void givesTheSameIdsWhenTheSameReportsAreProcessedAgain() throws Exception {
        // given
        DeviceEvent[] reports = {chargerStatus(CHARGER, 0, 1, "Faulted", "GroundFailure"),
                chargerStatus(CHARGER, 60, 1, "Available", "NoError"),
                stbEvent(BOX, 0, "ERROR", null, "DECODER_HANG"), stbCpuTemp(BOX, 1000, 50)};

        // when
        DetectorHarness first = detector().feed(reports);
        DetectorHarness replay = detector().feed(reports);

        // then
        assertThat(first.alerts()).hasSize(4);
        assertThat(replay.alerts()).isEqualTo(first.alerts());
        assertThat(replay.requests()).isEqualTo(first.requests());
    }

    private DetectorHarness detector() throws Exception {
        DetectorHarness harness = DetectorHarness.open(
                new StatusFaultDetector(List.of(CHARGER_FAULTS), List.of(STB_ERRORS), LATENESS));
        harnesses.add(harness);
        return harness;
    }
}
