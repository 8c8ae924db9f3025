package io.fleetcare.api.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertReaderTest {

    private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void completeAlertIsReadWithItsEvidence() throws MalformedAlertException {
        // given
        Alert sent = alert("alert-1", "STB-1", "stb.cpu-overheat", List.of(Evidence.reading(T, "cpu_temp_c", 91.0)));

        // when
        Alert read = AlertReader.read(EventCodec.encode(sent));

        // then
        assertThat(read).isEqualTo(sent);
    }

    @Test
    void alertsMissingWhatTheContractRequiresAreMalformed() {
        for (Alert bad : List.of(
                alert(null, "STB-1", "r", List.of()),
                alert(" ", "STB-1", "r", List.of()),
                alert("a", null, "r", List.of()),
                alert("a", "STB-1", "", List.of()),
                alert("a", "STB-1", "r", List.of(new Evidence(null, "m", 1.0, null))),
                alert("a", "STB-1", "r", List.of(new Evidence(T, null, 1.0, null))))) {
            assertThatThrownBy(() -> AlertReader.read(EventCodec.encode(bad))).as(bad.toString())
                    .isInstanceOf(MalformedAlertException.class);
        }
    }

    @Test
    void emptyNullAndNonJsonValuesAreMalformed() {
        for (byte[] value : Arrays.asList(null, new byte[0], "null".getBytes(StandardCharsets.UTF_8),
                "{".getBytes(StandardCharsets.UTF_8),
                "{\"alertId\":\"a\",\"state\":\"OPEN\"}".getBytes(StandardCharsets.UTF_8),
                "{\"alertId\":\"a\",\"evidence\":[null]}".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> AlertReader.read(value)).isInstanceOf(MalformedAlertException.class);
        }
    }

    private static Alert alert(String alertId, String deviceId, String ruleId, List<Evidence> evidence) {
        return new Alert(alertId, deviceId, DeviceType.SET_TOP_BOX, "STB-4K-200", ruleId, Severity.MAJOR,
                Alert.State.RAISED, T, T.plusSeconds(300), "CPU hot", evidence);
    }
}
