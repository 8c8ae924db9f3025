package io.fleetcare.simulator.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class OutgoingCallsTest {

    private final List<String> wire = new CopyOnWriteArrayList<>();

    @Test
    void sendsOneCallAtATimeAndMatchesAnswersById() throws Exception {
        OutgoingCalls calls = new OutgoingCalls(wire::add, Duration.ofSeconds(5));

        CompletableFuture<ObjectNode> boot = calls.call("BootNotification", object().put("chargePointVendor", "V"));
        CompletableFuture<ObjectNode> heartbeat = calls.call("Heartbeat", object());

        assertThat(wire).containsExactly("[2,\"1\",\"BootNotification\",{\"chargePointVendor\":\"V\"}]");
        assertThat(calls.answer(OcppMessage.parse("[3,\"1\",{\"status\":\"Accepted\"}]"))).isTrue();
        assertThat(boot.get().path("status").asText()).isEqualTo("Accepted");
        assertThat(wire).hasSize(2).last().isEqualTo("[2,\"2\",\"Heartbeat\",{}]");
        assertThat(calls.answer(OcppMessage.parse("[3,\"99\",{}]"))).isFalse();
        calls.answer(OcppMessage.parse("[4,\"2\",\"InternalError\",\"broker down\",{}]"));
        assertThatThrownBy(heartbeat::get).hasCauseInstanceOf(CallRefused.class)
                .cause().extracting(e -> ((CallRefused) e).errorCode()).isEqualTo("InternalError");
    }

    @Test
    void givesUpOnACallThatIsNeverAnsweredAndSendsTheNext() throws Exception {
        // the second call is answered within this timeout too: long enough for a machine under heavy load
        OutgoingCalls calls = new OutgoingCalls(wire::add, Duration.ofSeconds(2));

        CompletableFuture<ObjectNode> lost = calls.call("Heartbeat", object());
        CompletableFuture<ObjectNode> next = calls.call("Heartbeat", object());

        assertThatThrownBy(lost::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        org.awaitility.Awaitility.await().pollInterval(Duration.ofMillis(5)).until(() -> wire.size() == 2);
        calls.answer(OcppMessage.parse("[3,\"2\",{\"currentTime\":\"2026-11-24T10:00:00Z\"}]"));
        assertThat(next.get().has("currentTime")).isTrue();
    }

    @Test
    void refusesTextThatIsNoOcppFrame() {
        assertThatThrownBy(() -> OcppMessage.parse("{\"not\":\"an array\"}")).isInstanceOf(OcppMessage.MalformedFrame.class);
        assertThatThrownBy(() -> OcppMessage.parse("[2,\"7\",\"Heartbeat\"]"))
                .isInstanceOfSatisfying(OcppMessage.MalformedFrame.class, e -> assertThat(e.messageId()).isEqualTo("7"));
        assertThatThrownBy(() -> OcppMessage.parse("[5,\"7\",{}]")).isInstanceOf(OcppMessage.MalformedFrame.class);
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
