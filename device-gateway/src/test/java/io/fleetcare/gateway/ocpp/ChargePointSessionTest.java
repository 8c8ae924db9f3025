package io.fleetcare.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.gateway.ocpp.frame.CallErrorCode;
import io.fleetcare.gateway.ocpp.frame.OcppFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ChargePointSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONG = Duration.ofSeconds(30);

    private final ChargePointConversationTest.RecordingLink link = new ChargePointConversationTest.RecordingLink();
    private final ChargePointSession session = new ChargePointSession("CP-1", "connection-1", link, null);

    @Test
    void callIsSentAsCallFrameAndCompletedByTheMatchingCallResult() throws Exception {
        // when
        CompletableFuture<CallAnswer> answer = session.call(OutboundCall.triggerMessage("StatusNotification", 1), LONG)
                .toCompletableFuture();

        // then
        JsonNode sent = JSON.readTree(link.sent.get(0));
        assertThat(sent.get(0).intValue()).isEqualTo(2);
        assertThat(sent.get(2).textValue()).isEqualTo("TriggerMessage");
        assertThat(sent.get(3).toString()).isEqualTo("""
                {"requestedMessage":"StatusNotification","connectorId":1}""");
        assertThat(answer).isNotDone();

        session.answer(OcppFrame.parse("[3,\"" + sent.get(1).textValue() + "\",{\"status\":\"Accepted\"}]"));
        assertThat(answer.get()).isInstanceOfSatisfying(CallAnswer.Result.class,
                result -> assertThat(result.payload().get("status").textValue()).isEqualTo("Accepted"));
    }

    @Test
    void callErrorFromTheChargePointIsAnAnswerNotAFailure() throws Exception {
        // given
        CompletableFuture<CallAnswer> answer = session.call(OutboundCall.reset("Soft"), LONG).toCompletableFuture();
        String messageId = JSON.readTree(link.sent.get(0)).get(1).textValue();

        // when
        session.answer(OcppFrame.parse("[4,\"" + messageId + "\",\"NotSupported\",\"no\",{}]"));

        // then
        assertThat(answer.get()).isEqualTo(new CallAnswer.Error(CallErrorCode.NotSupported, "no",
                JSON.createObjectNode()));
    }

    @Test
    void unansweredCallFailsWithTimeout() {
        // when
        CompletableFuture<CallAnswer> answer = session.call(OutboundCall.getConfiguration(List.of()),
                Duration.ofMillis(50)).toCompletableFuture();

        // then
        await().atMost(LONG).until(answer::isDone);
        assertThat(answer).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void secondCallWaitsUntilTheFirstIsAnswered() throws Exception {
        // given
        session.call(OutboundCall.getConfiguration(List.of("HeartbeatInterval")), LONG);

        // when
        CompletableFuture<CallAnswer> second = session.call(OutboundCall.unlockConnector(1), LONG).toCompletableFuture();

        // then
        assertThat(link.sent).hasSize(1);
        String first = JSON.readTree(link.sent.get(0)).get(1).textValue();
        session.answer(OcppFrame.parse("[3,\"" + first + "\",{\"configurationKey\":[]}]"));
        assertThat(link.sent).hasSize(2);
        assertThat(JSON.readTree(link.sent.get(1)).get(2).textValue()).isEqualTo("UnlockConnector");
        assertThat(second).isNotDone();
    }

    @Test
    void closingTheSessionFailsWaitingCallsAsNotConnected() {
        // given
        CompletableFuture<CallAnswer> answer = session.call(OutboundCall.reset("Hard"), LONG).toCompletableFuture();

        // when
        session.closed();

        // then
        assertThat(answer).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(ChargePointNotConnected.class);
    }
}
