package io.fleetcare.api.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.events.EventCodecException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandResultReadTest {

    private static final String ID = "5b0c8a4e-2f0b-4a53-9b4e-0f6f8e1f2a10";

    @Test
    void resultWithPayloadIsRead() {
        // when
        CommandResultMessage result = CommandResultConsumer.read(bytes("{\"commandId\":\"" + ID
                + "\",\"deviceId\":\"CP-1\",\"status\":\"COMPLETED\",\"payload\":{\"ok\":true},\"at\":\"2026-11-24T10:00:00Z\"}"));

        // then
        assertThat(result.commandId()).hasToString(ID);
        assertThat(result.status()).isEqualTo(CommandStatus.COMPLETED);
        assertThat(result.payload()).containsEntry("ok", true);
        assertThat(result.at()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void incompleteOrPendingResultsAreRefused() {
        for (String json : List.of("{\"deviceId\":\"CP-1\",\"status\":\"COMPLETED\",\"at\":\"2026-11-24T10:00:00Z\"}",
                "{\"commandId\":\"" + ID + "\",\"status\":\"COMPLETED\",\"at\":\"2026-11-24T10:00:00Z\"}",
                "{\"commandId\":\"" + ID + "\",\"deviceId\":\"CP-1\",\"at\":\"2026-11-24T10:00:00Z\"}",
                "{\"commandId\":\"" + ID + "\",\"deviceId\":\"CP-1\",\"status\":\"COMPLETED\"}",
                "{\"commandId\":\"" + ID + "\",\"deviceId\":\"CP-1\",\"status\":\"PENDING\",\"at\":\"2026-11-24T10:00:00Z\"}",
                "null", "")) {
            assertThatThrownBy(() -> CommandResultConsumer.read(bytes(json))).as(json)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unknownStatusOrBadIdIsACodecFailure() {
        for (String json : List.of(
                "{\"commandId\":\"" + ID + "\",\"deviceId\":\"CP-1\",\"status\":\"DONE\",\"at\":\"2026-11-24T10:00:00Z\"}",
                "{\"commandId\":\"nope\",\"deviceId\":\"CP-1\",\"status\":\"COMPLETED\",\"at\":\"2026-11-24T10:00:00Z\"}")) {
            assertThatThrownBy(() -> CommandResultConsumer.read(bytes(json))).as(json)
                    .isInstanceOf(EventCodecException.class);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
