package io.fleetcare.stream.telemetry;

import static io.fleetcare.stream.testing.Telemetry.T0;
import static io.fleetcare.stream.testing.Telemetry.chargerHeartbeat;
import static io.fleetcare.stream.testing.Telemetry.chargerStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.stream.testing.KafkaRecords;
import io.fleetcare.stream.testing.Telemetry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryRowsTest {

    @Test
    void aMetricsEventBecomesOneReadingPerFiniteValue() {
        // given
        Map<String, Double> metrics = new HashMap<>(Map.of("cpu_temp_c", 61.5, "tuner_snr_db", 31.2));
        metrics.put("tuner_ber", Double.NaN);
        DeviceEvent event = Telemetry.metrics("STB-1", DeviceType.SET_TOP_BOX, "STB-4K-200", Protocol.MQTT, 10, metrics);

        // when / then
        assertThat(TelemetryReading.of(event)).containsExactlyInAnyOrder(
                new TelemetryReading("STB-1", "cpu_temp_c", T0.plusSeconds(10), 61.5),
                new TelemetryReading("STB-1", "tuner_snr_db", T0.plusSeconds(10), 31.2));
    }

    @Test
    void otherKindsCarryNoReadings() {
        assertThat(TelemetryReading.of(chargerStatus("CP-1", 0, 1, "Faulted", "GroundFailure"))).isEmpty();
        assertThat(TelemetryReading.of(chargerHeartbeat("CP-1", 0))).isEmpty();
    }

    @Test
    void eachKindUpdatesTheDeviceStateWithWhatItCarries() {
        DeviceStateUpdate metrics = DeviceStateUpdate.of(Telemetry.stbCpuTemp("STB-1", 5, 70)).orElseThrow();
        DeviceStateUpdate status = DeviceStateUpdate.of(chargerStatus("CP-1", 7, 1, "Faulted", "GroundFailure"))
                .orElseThrow();
        DeviceStateUpdate heartbeat = DeviceStateUpdate.of(chargerHeartbeat("CP-1", 9)).orElseThrow();

        assertThat(metrics.metricsJson()).contains("\"cpu_temp_c\":70.0");
        assertThat(metrics.statusJson()).isNull();
        assertThat(status.statusJson()).contains("\"errorCode\":\"GroundFailure\"");
        assertThat(status.metricsJson()).isNull();
        assertThat(heartbeat).extracting(DeviceStateUpdate::seenAt, DeviceStateUpdate::kind,
                        DeviceStateUpdate::metricsJson, DeviceStateUpdate::statusJson)
                .containsExactly(T0.plusSeconds(9), EventKind.HEARTBEAT.name(), null, null);
    }

    @Test
    void connectionNoticesFromTheGatewayLeaveTheDeviceStateAlone() {
        assertThat(KafkaRecords.KEEP_ALIVE.kind()).isEqualTo(EventKind.CONNECTION);
        assertThat(DeviceStateUpdate.of(KafkaRecords.KEEP_ALIVE)).isEmpty();
    }
}
