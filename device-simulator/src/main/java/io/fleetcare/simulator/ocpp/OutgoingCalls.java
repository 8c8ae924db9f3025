package io.fleetcare.simulator.ocpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The CALLs one side of an OCPP-J connection sends: gives each a message id, sends them one at a time
 * (OCPP-J allows a single outstanding CALL per direction), matches CALLRESULT/CALLERROR frames by id and
 * gives up after a timeout. Thread-safe.
 */
public final class OutgoingCalls {

    private final Consumer<String> wire;
    private final Duration timeout;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<String, CompletableFuture<ObjectNode>> waiting = new ConcurrentHashMap<>();
    private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);

    /**
     * @param wire    sends one frame; may throw when the connection is gone, which fails that call
     * @param timeout how long to wait for an answer
     */
    public OutgoingCalls(Consumer<String> wire, Duration timeout) {
        this.wire = wire;
        this.timeout = timeout;
    }

    /**
     * Sends a CALL once every earlier call is answered or given up.
     *
     * @return the CALLRESULT payload; fails with {@link CallRefused} on a CALLERROR, with
     *         {@link java.util.concurrent.TimeoutException} when no answer comes in time, or with the
     *         wire's exception when the frame cannot be sent
     */
    public synchronized CompletableFuture<ObjectNode> call(String action, ObjectNode payload) {
        CompletableFuture<ObjectNode> answer = new CompletableFuture<>();
        previous.handle((r, e) -> null).thenRun(() -> send(action, payload, answer));
        previous = answer;
        return answer;
    }

    private void send(String action, ObjectNode payload, CompletableFuture<ObjectNode> answer) {
        String id = Long.toString(nextId.incrementAndGet());
        waiting.put(id, answer);
        answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> waiting.remove(id, answer));
        try {
            wire.accept(new OcppMessage.Call(id, action, payload).toFrame());
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    /** Completes the call the answer belongs to; returns false when no call waits for it. */
    public boolean answer(OcppMessage answer) {
        CompletableFuture<ObjectNode> call = waiting.remove(answer.id());
        if (call == null) {
            return false;
        }
        if (answer instanceof OcppMessage.CallResult result) {
            call.complete(result.payload());
        } else if (answer instanceof OcppMessage.CallError error) {
            call.completeExceptionally(new CallRefused(error.errorCode(), error.description()));
        } else {
            call.completeExceptionally(new IllegalArgumentException("a CALL is not an answer"));
        }
        return true;
    }

    /** Fails every call still waiting, e.g. when the connection closed. */
    public void failAll(Throwable cause) {
        waiting.values().forEach(call -> call.completeExceptionally(cause));
        waiting.clear();
    }
}
