package io.fleetcare.gateway.ocpp;

import io.fleetcare.gateway.ocpp.frame.OcppFrame;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One charge point's open connection: who it is, the model it announced, and the calls the gateway
 * has sent to it that wait for an answer.
 *
 * <p>The gateway sends one call at a time per charge point (OCPP-J 1.6 §4: a CALL is not sent until
 * the previous one was answered or timed out); further calls wait in line.
 */
public final class ChargePointSession {

    private final String chargePointId;
    private final String connectionId;
    private final ChargePointLink link;
    private final Map<String, CompletableFuture<CallAnswer>> pending = new ConcurrentHashMap<>();
    private volatile String model;
    private volatile boolean open = true;
    private CompletableFuture<?> lastCall = CompletableFuture.completedFuture(null);

    /**
     * @param chargePointId never null
     * @param connectionId  the WebSocket connection's id; never null
     * @param link          never null
     * @param model         the registered model until the charge point announces one; may be null
     */
    public ChargePointSession(String chargePointId, String connectionId, ChargePointLink link, String model) {
        this.chargePointId = Objects.requireNonNull(chargePointId, "chargePointId");
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        this.link = Objects.requireNonNull(link, "link");
        this.model = model;
    }

    public String chargePointId() {
        return chargePointId;
    }

    public String connectionId() {
        return connectionId;
    }

    /** The model from the last BootNotification, else the registered one; may be null. */
    public String model() {
        return model;
    }

    void announceModel(String announced) {
        this.model = announced;
    }

    ChargePointLink link() {
        return link;
    }

    /**
     * Sends a CALL after the previous one was answered or timed out.
     *
     * @param call    never null
     * @param timeout how long to wait for the answer once the CALL is sent
     * @return the answer; fails with {@link java.util.concurrent.TimeoutException} when none came in time,
     *         with {@link ChargePointNotConnected} when the connection closed first, or with the send error
     */
    CompletionStage<CallAnswer> call(OutboundCall call, Duration timeout) {
        String messageId = UUID.randomUUID().toString();
        String frame = new OcppFrame.Call(messageId, call.action().name(), call.payload()).toText();
        CompletableFuture<CallAnswer> answer = new CompletableFuture<>();
        synchronized (this) {
            CompletableFuture<?> previous = lastCall;
            lastCall = answer.handle((ignored, failure) -> null);
            previous.whenComplete((ignored, failure) -> {
                if (!open) {
                    answer.completeExceptionally(new ChargePointNotConnected(chargePointId));
                    return;
                }
                pending.put(messageId, answer);
                answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((done, failed) -> pending.remove(messageId));
                link.send(frame).whenComplete((sent, sendFailure) -> {
                    if (sendFailure != null) {
                        answer.completeExceptionally(sendFailure);
                    }
                });
            });
        }
        return answer;
    }

    /**
     * Hands a CALLRESULT or CALLERROR to the call waiting for it.
     *
     * @return false when no call waits for this message id (late, after a timeout, or never sent)
     */
    boolean answer(OcppFrame frame) {
        CompletableFuture<CallAnswer> waiting = pending.remove(frame.messageId());
        if (waiting == null) {
            return false;
        }
        if (frame instanceof OcppFrame.CallResult result) {
            return waiting.complete(new CallAnswer.Result(result.payload()));
        }
        if (frame instanceof OcppFrame.CallError error) {
            return waiting.complete(new CallAnswer.Error(error.code(), error.description(), error.details()));
        }
        throw new IllegalArgumentException("only a CALLRESULT or CALLERROR answers a call");
    }

    /** Fails every call still waiting; the connection is gone. */
    void closed() {
        open = false;
        pending.values().forEach(waiting -> waiting.completeExceptionally(new ChargePointNotConnected(chargePointId)));
        pending.clear();
    }
}
