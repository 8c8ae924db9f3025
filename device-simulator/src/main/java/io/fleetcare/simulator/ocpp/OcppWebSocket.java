package io.fleetcare.simulator.ocpp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A charge point's WebSocket to the central system (java.net.http): offers subprotocol {@code ocpp1.6},
 * logs in with HTTP Basic (user = charge point id, security profile 1), delivers each whole text frame to
 * a listener and sends frames one at a time.
 */
public final class OcppWebSocket implements AutoCloseable {

    public static final String SUBPROTOCOL = "ocpp1.6";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static final Duration CLOSING_HANDSHAKE = Duration.ofSeconds(5);

    private final WebSocket socket;
    private final Listener listener;

    private OcppWebSocket(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    /**
     * Opens {@code {baseUri}/{chargePointId}}.
     *
     * @param baseUri  e.g. {@code ws://localhost:8081/ocpp}; never null
     * @param password the charge point's password, or null to send no credentials
     * @param onFrame  gets every text frame, on the socket's thread
     * @param onClosed gets the close code (or -1 with an error), once
     * @return the open socket; fails with {@link java.net.http.WebSocketHandshakeException} when the
     *         central system refuses the upgrade, or an I/O error when it cannot be reached
     */
    public static CompletableFuture<OcppWebSocket> open(URI baseUri, String chargePointId, String password,
                                                       Consumer<String> onFrame, Consumer<Integer> onClosed) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .subprotocols(SUBPROTOCOL);
        if (password != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((chargePointId + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        String base = baseUri.toString().endsWith("/") ? baseUri.toString() : baseUri + "/";
        Listener listener = new Listener(onFrame, onClosed);
        return builder.buildAsync(URI.create(base + chargePointId), listener)
                .thenApply(socket -> new OcppWebSocket(socket, listener));
    }

    /** The negotiated subprotocol; empty when the server chose none. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /**
     * Sends one frame and waits until it is written.
     *
     * @throws IllegalStateException when the socket is closed or the frame cannot be written within 10 s
     */
    public synchronized void send(String frame) {
        if (socket.isOutputClosed()) {
            throw new IllegalStateException("connection closed");
        }
        try {
            socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not send: " + e.getMessage(), e);
        }
    }

    public boolean isOpen() {
        return !socket.isOutputClosed() && !socket.isInputClosed();
    }

    /**
     * Closes with the WebSocket closing handshake: sends Close, waits (at most 5 s) for the central system's Close,
     * then drops the connection. Cutting the TCP connection before the central system has read everything would
     * make it reset (a close with unread data in the receive buffer sends RST), and the peer drops what it has not
     * read yet, e.g. the answer to a Reset sent just before.
     */
    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(CLOSING_HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(e -> null).join();
        }
        listener.closed.orTimeout(CLOSING_HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private final Consumer<String> onFrame;
        private final Consumer<Integer> onClosed;
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();

        Listener(Consumer<String> onFrame, Consumer<Integer> onClosed) {
            this.onFrame = onFrame;
            this.onClosed = onClosed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                onFrame.accept(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closedWith(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closedWith(-1);
        }

        private void closedWith(int code) {
            if (closed.complete(null)) {
                onClosed.accept(code);
            }
        }
    }
}
