package io.fleetcare.gateway.ocpp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted charge point that speaks raw OCPP-J frames over a real WebSocket (java.net.http): it sends
 * what the test gives it and queues every text frame the gateway sends.
 */
public final class RawChargePoint implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final BlockingQueue<String> received;
    private final CompletableFuture<Integer> closedBy;

    private RawChargePoint(WebSocket socket, BlockingQueue<String> received, CompletableFuture<Integer> closedBy) {
        this.socket = socket;
        this.received = received;
        this.closedBy = closedBy;
    }

    /**
     * @param subprotocol offered subprotocol, or null to offer none
     * @param password    HTTP Basic password with the charge point id as user, or null to send no credentials
     * @return the connected charge point; the stage fails with
     *         {@link java.net.http.WebSocketHandshakeException} when the gateway refuses the upgrade
     */
    public static CompletableFuture<RawChargePoint> connect(URI gateway, String chargePointId, String subprotocol,
                                                            String password) {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closedBy = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (subprotocol != null) {
            builder.subprotocols(subprotocol);
        }
        if (password != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((chargePointId + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder.buildAsync(gateway.resolve("/ocpp/" + chargePointId), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closedBy.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closedBy.completeExceptionally(error);
            }
        }).thenApply(socket -> new RawChargePoint(socket, received, closedBy));
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends one text frame and waits until it is written. */
    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** Sends one fragment of a text message; the message ends with the fragment whose {@code last} is true. */
    public void sendFragment(String fragment, boolean last) {
        socket.sendText(fragment, last).join();
    }

    /**
     * The status code of the gateway's close frame; fails the test when the gateway does not close the
     * connection within 30 s.
     */
    public int closeCode() {
        try {
            return closedBy.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the gateway did not close the connection within 30 s", e);
        }
    }

    /** The next frame from the gateway; fails the test when none arrives within 30 s. */
    public String next() {
        try {
            String frame = received.poll(30, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("the gateway sent nothing within 30 s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends a frame and returns the gateway's next frame. */
    public String exchange(String frame) {
        send(frame);
        return next();
    }

    @Override
    public void close() {
        if (socket.isOutputClosed()) {
            return;
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(failure -> null).join();
    }
}
