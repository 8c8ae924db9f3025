package io.fleetcare.api.ticket.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaintenanceRequestReaderTest {

    private static final Instant TS = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void completeRequestIsReadAsPublished() throws Exception {
        // given
        MaintenanceRequest published = new MaintenanceRequest("req-1", "STB-0003", DeviceType.SET_TOP_BOX,
                "STB-4K-200", "stb.cpu-overheat", MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR, "hot",
                TS, null, "alert-1", List.of(Evidence.reading(TS, "cpu_temp_c", 91.2),
                        Evidence.text(TS, "status.errorCode", "OVERHEAT")));

        // when
        MaintenanceRequest read = MaintenanceRequestReader.read(EventCodec.encode(published));

        // then
        assertThat(read).isEqualTo(published);
    }

    @Test
    void requestWithoutModelAlertOrEvidenceIsStillUsable() throws Exception {
        String json = """
                {"requestId":"req-2","deviceId":"CP-0001","deviceType":"EV_CHARGER","ruleId":"cp.heartbeat-loss",
                 "severity":"CRITICAL","problem":"no heartbeat","detectedAt":"2026-11-24T10:00:00Z"}
                """;

        MaintenanceRequest read = MaintenanceRequestReader.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(read.model()).isNull();
        assertThat(read.evidence()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "null",
            "[]",
            // unknown severity
            """
            {"requestId":"r","deviceId":"d","deviceType":"SET_TOP_BOX","ruleId":"x","severity":"HUGE","problem":"p",
             "detectedAt":"2026-11-24T10:00:00Z"}""",
            // no rule
            """
            {"requestId":"r","deviceId":"d","deviceType":"SET_TOP_BOX","severity":"MAJOR","problem":"p",
             "detectedAt":"2026-11-24T10:00:00Z"}""",
            // blank request id
            """
            {"requestId":" ","deviceId":"d","deviceType":"SET_TOP_BOX","ruleId":"x","severity":"MAJOR","problem":"p",
             "detectedAt":"2026-11-24T10:00:00Z"}""",
            // no detection time
            """
            {"requestId":"r","deviceId":"d","deviceType":"SET_TOP_BOX","ruleId":"x","severity":"MAJOR","problem":"p"}""",
            // evidence without its metric
            """
            {"requestId":"r","deviceId":"d","deviceType":"SET_TOP_BOX","ruleId":"x","severity":"MAJOR","problem":"p",
             "detectedAt":"2026-11-24T10:00:00Z","evidence":[{"ts":"2026-11-24T10:00:00Z","value":1.0}]}"""
    })
    void recordsATicketCannotBeMadeFromAreMalformed(String value) {
        assertThatThrownBy(() -> MaintenanceRequestReader.read(value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMaintenanceRequestException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void emptyOrTombstoneValueIsMalformed() {
        assertThatThrownBy(() -> MaintenanceRequestReader.read(null))
                .isInstanceOf(MalformedMaintenanceRequestException.class);
        assertThatThrownBy(() -> MaintenanceRequestReader.read(new byte[0]))
                .isInstanceOf(MalformedMaintenanceRequestException.class);
    }
}
