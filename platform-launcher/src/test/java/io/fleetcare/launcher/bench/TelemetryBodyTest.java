package io.fleetcare.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelemetryBodyTest {

    @Test
    void theBodyFollowsTheMqttContractAndCarriesTheSendTimeToTheMicrosecond() throws Exception {
        Instant sent = Instant.parse("2026-11-24T19:00:00.123456789Z");

        byte[] body = TelemetryBody.of(sent, 42);

        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.path("seq").asLong()).isEqualTo(42);
        assertThat(json.path("type").asText()).isEqualTo("SET_TOP_BOX");
        assertThat(json.path("metrics").path("cpu_temp_c").asDouble()).isEqualTo(61.5);
        assertThat(TelemetryBody.sentMicros(body)).isEqualTo(sent.getEpochSecond() * 1_000_000 + 123_456);
    }

    @Test
    void aBodyWithoutTsIsRefused() {
        assertThatThrownBy(() -> TelemetryBody.sentMicros("{\"seq\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
