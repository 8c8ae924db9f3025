package io.fleetcare.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MqttCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDeviceGetsTheCommandWithoutTheOperatorsName() throws Exception {
        // given
        DeviceCommand command = new DeviceCommand("c-1", "STB-1", "SELF_TEST",
                (ObjectNode) JSON.readTree("{\"suite\":\"tuner\"}"), "noc-li",
                Instant.parse("2026-11-24T10:00:00.123Z"), 30);

        // when
        byte[] body = MqttCommands.body(command);

        // then
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree("""
                {"commandId":"c-1","deviceId":"STB-1","command":"SELF_TEST","params":{"suite":"tuner"},
                 "requestedAt":"2026-11-24T10:00:00.123Z","timeoutSeconds":30}"""));
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("noc-li").doesNotContain("requestedBy");
    }

    @Test
    void aCommandWithoutParamsIsSentWithAnEmptyObjectAndNothingUnknownIsInvented() throws Exception {
        // given
        DeviceCommand command = new DeviceCommand("c-2", "STB-1", "REBOOT", null, null, null, null);

        // when
        byte[] body = MqttCommands.body(command);

        // then
        assertThat(JSON.readTree(body)).isEqualTo(JSON.readTree("""
                {"commandId":"c-2","deviceId":"STB-1","command":"REBOOT","params":{}}"""));
    }
}
