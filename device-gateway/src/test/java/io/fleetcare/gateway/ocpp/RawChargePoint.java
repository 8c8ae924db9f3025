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

    private RawChargePoint(WebSocket socket, BlockingQueue<String> received) {
        this.socket = socket;
        this.received = received;
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
        }).thenApply(socket -> new RawChargePoint(socket, received));
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends one text frame and waits until it is written. */
    public void send(String frame) {
        socket.sendText(frame, true).join();
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
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(failure -> null).join();
    }
}
