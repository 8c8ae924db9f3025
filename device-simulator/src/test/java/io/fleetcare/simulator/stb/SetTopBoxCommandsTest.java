package io.fleetcare.simulator.stb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetTopBoxCommandsTest {

    private final Map<String, Double> readings = new HashMap<>();
    private final List<String> done = new ArrayList<>();
    private final SetTopBoxCommands commands = new SetTopBoxCommands("STB-0001", "STB-4K-200", Duration.ofSeconds(5),
            new SetTopBoxCommands.Box() {
                @Override
                public Map<String, Double> lastReadings() {
                    return readings;
                }

                @Override
                public void reboot() {
                    done.add("reboot");
                }

                @Override
                public void telemetryIntervalChanged(Duration interval) {
                    done.add("interval " + interval);
                }
            }, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aRebootIsAnsweredFirstAndDoneAfterwards() {
        readings.put("uptime_s", 42.0);

        SetTopBoxCommands.Reply reply = commands.answer(command("REBOOT", params()));

        assertThat(reply.body().path("status").asText()).isEqualTo("REBOOTING");
        assertThat(reply.body().path("uptime_s").asDouble()).isEqualTo(42.0);
        assertThat(done).isEmpty();
        reply.afterwards().run();
        assertThat(done).containsExactly("reboot");
    }

    @Test
    void setConfigAcceptsWritableKeysWithValidValuesOnly() {
        SetTopBoxCommands.Reply interval = commands.answer(command("SET_CONFIG",
                params().put("key", "telemetry_interval_s").put("value", 10)));
        SetTopBoxCommands.Reply tooLong = commands.answer(command("SET_CONFIG",
                params().put("key", "telemetry_interval_s").put("value", "7200")));
        SetTopBoxCommands.Reply level = commands.answer(command("SET_CONFIG",
                params().put("key", "log_level").put("value", "LOUD")));
        SetTopBoxCommands.Reply model = commands.answer(command("SET_CONFIG",
                params().put("key", "model").put("value", "X")));
        SetTopBoxCommands.Reply unknown = commands.answer(command("SET_CONFIG",
                params().put("key", "colour").put("value", "red")));

        assertThat(interval.body().path("status").asText()).isEqualTo("ACCEPTED");
        interval.afterwards().run();
        assertThat(done).containsExactly("interval PT10S");
        assertThat(tooLong.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(level.body().path("status").asText()).isEqualTo("REJECTED");
        assertThat(model.body().path("error").asText()).contains("read-only");
        assertThat(unknown.body().path("status").asText()).isEqualTo("UNKNOWN_KEY");
        ObjectNode config = (ObjectNode) commands.answer(command("GET_CONFIG", params())).body().path("config");
        assertThat(config.path("telemetry_interval_s").asText()).isEqualTo("10");
        assertThat(config.path("log_level").asText()).isEqualTo("INFO");
    }

    @Test
    void getConfigListsTheKeysItDoesNotHave() {
        ObjectNode params = params();
        params.putArray("key").add("model").add("colour");

        SetTopBoxCommands.Reply reply = commands.answer(command("GET_CONFIG", params));

        assertThat(reply.body().path("config").path("model").asText()).isEqualTo("STB-4K-200");
        assertThat(reply.body().path("readonly").get(0).asText()).isEqualTo("model");
        assertThat(reply.body().path("unknownKeys").get(0).asText()).isEqualTo("colour");
    }

    @Test
    void theSelfTestFailsOnAHotCpuOrAWeakTuner() {
        readings.putAll(Map.of("cpu_temp_c", 91.0, "mem_free_mb", 200.0, "tuner_snr_db", 19.5));

        SetTopBoxCommands.Reply reply = commands.answer(command("SELF_TEST", params()));

        assertThat(reply.body().path("passed").asBoolean()).isFalse();
        assertThat(reply.body().path("failed").toString()).contains("cpu_temp_c", "tuner_snr_db")
                .doesNotContain("mem_free_mb");
    }

    @Test
    void collectedLogsHoldTheCommandsAndTheLastLinesOnly() {
        commands.note("ERROR", "DECODER_HANG");
        commands.answer(command("SELF_TEST", params()));

        SetTopBoxCommands.Reply reply = commands.answer(command("COLLECT_LOGS", params().put("lines", 2)));

        assertThat(reply.body().path("lines")).hasSize(2);
        assertThat(reply.body().path("lines").get(0).asText()).startsWith("2026-11-24T10:00:00Z")
                .contains("self test failed");
        assertThat(reply.body().path("lines").get(1).asText()).contains("command COLLECT_LOGS");
    }

    @Test
    void anUnknownCommandOrABodyThatIsNoCommandIsUnsupported() {
        assertThat(commands.answer(command("FORMAT_DISK", params())).body().path("status").asText())
                .isEqualTo("UNSUPPORTED");
        assertThat(commands.answer("not json".getBytes(StandardCharsets.UTF_8)).body().path("error").asText())
                .isEqualTo("the command is not JSON");
    }

    private static byte[] command(String name, ObjectNode params) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("commandId", "c-1").put("deviceId", "STB-0001")
                .put("command", name);
        body.set("params", params);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode params() {
        return JsonNodeFactory.instance.objectNode();
    }
}
