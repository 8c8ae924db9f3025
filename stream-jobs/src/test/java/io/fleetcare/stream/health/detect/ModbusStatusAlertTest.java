package io.fleetcare.stream.health.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceStatus;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Severity;
import io.fleetcare.stream.rules.HealthRules;
import io.fleetcare.stream.rules.HealthRulesFile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, acceptance 1 (stream half): the STATUS events the gateway makes of a Modbus charger's status register
 * (device-gateway {@code ModbusReadings.status}: fault 2 -> {@code Faulted/InternalError}, ok 0 ->
 * {@code Available/NoError}, connector 0, raw value as vendor code) raise and clear an alert under the shipped rules
 * file, with no rule of their own.
 */
class ModbusStatusAlertTest {

    private static final Instant T0 = Instant.parse("2026-12-08T00:00:00Z");
    private static final String CHARGER = "CP-M-9";

    private DetectorHarness detector;

    @AfterEach
    void close() throws Exception {
        detector.close();
    }

    @Test
    void aStatusRegisterFaultRaisesAnAlertAndItsReturnToOkClearsIt() throws Exception {
        // given the shipped rules
        HealthRules rules = HealthRulesFile.loadDefault();
        detector = DetectorHarness.open(new StatusFaultDetector(rules.statusFaults(), rules.errorEvents(),
                Duration.ofSeconds(10)));

        // when the status register reads 0, then 2 (fault), then 0 again
        detector.feed(status(0, "Available", "NoError", "0"), status(10, "Faulted", "InternalError", "2"),
                status(20, "Available", "NoError", "0"));

        // then
        String alertId = EpisodeIds.alertId(CHARGER, "charger.status-fault", "connector-0/InternalError",
                T0.plusSeconds(10));
        assertThat(detector.alerts()).extracting(Alert::alertId, Alert::state, Alert::severity, Alert::ts)
                .containsExactly(
                        tuple(alertId, Alert.State.RAISED, Severity.MAJOR, T0.plusSeconds(10)),
                        tuple(alertId, Alert.State.CLEARED, Severity.MAJOR, T0.plusSeconds(20)));
        assertThat(detector.requests()).singleElement()
                .satisfies(request -> assertThat(request.kind()).isEqualTo(MaintenanceRequest.Kind.CORRECTIVE));
    }

    @Test
    void aStatusRegisterWarningRaisesAMinorAlertWithoutATicket() throws Exception {
        // given
        HealthRules rules = HealthRulesFile.loadDefault();
        detector = DetectorHarness.open(new StatusFaultDetector(rules.statusFaults(), rules.errorEvents(),
                Duration.ofSeconds(10)));

        // when the status register reads 1 (warning)
        detector.feed(status(0, "Available", "OtherError", "1"));

        // then
        assertThat(detector.alerts()).extracting(Alert::state, Alert::severity)
                .containsExactly(tuple(Alert.State.RAISED, Severity.MINOR));
        assertThat(detector.requests()).isEmpty();
    }

    private static DeviceEvent status(long second, String state, String errorCode, String raw) {
        Instant ts = T0.plusSeconds(second);
        return new DeviceEvent("modbus-status-" + second, CHARGER, DeviceType.EV_CHARGER, "AC-22-MB", Protocol.MODBUS,
                EventKind.STATUS, ts, ts, Map.of(), new DeviceStatus(0, state, errorCode, raw), null);
    }
}
