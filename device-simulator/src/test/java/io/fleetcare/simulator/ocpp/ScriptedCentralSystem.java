package io.fleetcare.simulator.ocpp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * A scripted OCPP 1.6J central system on a loopback port (Java-WebSocket): accepts only the subprotocol
 * {@code ocpp1.6} and HTTP Basic with user = charge point id, answers the charge points' calls
 * (BootNotification Accepted with the given heartbeat interval, transactions accepted), lets a test send
 * its own calls, records every frame, and checks each one a charge point sends against
 * {@link Ocpp16Schemas}.
 */
public final class ScriptedCentralSystem implements AutoCloseable {

    /** A frame a charge point sent, with the action it carries or answers (null for an answer to no call). */
    public record Received(String chargePointId, OcppMessage message, String action, Instant at) {
    }

    private final Server server;
    private final Map<String, String> passwords;
    private final int heartbeatSeconds;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final Map<String, WebSocket> sessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> opened = new ConcurrentHashMap<>();
    private final Map<String, String> actionOfCall = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<OcppMessage>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger nextCallId = new AtomicInteger();
    private final AtomicInteger nextTransactionId = new AtomicInteger(100);
    private final Map<String, Duration> answerDelays = new ConcurrentHashMap<>();
    private final ScheduledExecutorService delayedAnswers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "central-system-delayed-answers");
        thread.setDaemon(true);
        return thread;
    });

    private ScriptedCentralSystem(Map<String, String> passwords, int heartbeatSeconds) {
        this.passwords = Map.copyOf(passwords);
        this.heartbeatSeconds = heartbeatSeconds;
        this.server = new Server();
    }

    /**
     * Starts listening on a free loopback port.
     *
     * @param passwords        the password of every charge point that may connect
     * @param heartbeatSeconds the interval BootNotification.conf gives
     */
    public static ScriptedCentralSystem start(Map<String, String> passwords, int heartbeatSeconds) throws InterruptedException {
        ScriptedCentralSystem system = new ScriptedCentralSystem(passwords, heartbeatSeconds);
        system.server.setReuseAddr(true);
        system.server.setDaemon(true);
        system.server.start();
        if (!system.server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("central system did not start");
        }
        return system;
    }

    /** {@code ws://127.0.0.1:{port}/ocpp}. */
    public URI baseUri() {
        return URI.create("ws://127.0.0.1:" + server.getPort() + "/ocpp");
    }

    /** Every frame charge points sent, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The CALLs of one action that a charge point sent. */
    public List<OcppMessage.Call> calls(String chargePointId, String action) {
        return received.stream()
                .filter(r -> r.chargePointId().equals(chargePointId) && r.message() instanceof OcppMessage.Call)
                .map(r -> (OcppMessage.Call) r.message())
                .filter(c -> c.action().equals(action))
                .toList();
    }

    /** Schema violations in what charge points sent; empty when all was valid OCPP 1.6J. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Why upgrades were refused (charge point id and reason). */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    /** How many connections the charge point opened so far. */
    public int connectionsOf(String chargePointId) {
        return opened.getOrDefault(chargePointId, new AtomicInteger()).get();
    }

    /**
     * Sends a CALL to a connected charge point.
     *
     * @return its CALLRESULT or CALLERROR; fails after 10 s without one
     * @throws IllegalStateException when the charge point is not connected
     */
    public CompletableFuture<OcppMessage> call(String chargePointId, String action, ObjectNode payload) {
        WebSocket session = sessions.get(chargePointId);
        if (session == null || !session.isOpen()) {
            throw new IllegalStateException(chargePointId + " is not connected");
        }
        String id = "cs-" + nextCallId.incrementAndGet();
        CompletableFuture<OcppMessage> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        actionOfCall.put(id, action);
        session.send(new OcppMessage.Call(id, action, payload).toFrame());
        // generous: a busy CI machine can stall a JVM for seconds; a charger that never answers still fails,
        // naming what the charge point sent last so that the report shows where the exchange stopped
        return answer.orTimeout(30, TimeUnit.SECONDS).exceptionallyCompose(e -> {
            List<String> last = received.stream().filter(r -> r.chargePointId().equals(chargePointId))
                    .map(r -> r.action() + " " + r.message().id()).toList();
            return CompletableFuture.failedFuture(new IllegalStateException(chargePointId + " did not answer "
                    + action + " " + id + " in 30 s; it last sent "
                    + last.subList(Math.max(0, last.size() - 6), last.size()), e));
        });
    }

    /** From now on answers this charge point's calls of one action only after the given time, as a slow server would. */
    public void answerLater(String chargePointId, String action, Duration delay) {
        answerDelays.put(chargePointId + "/" + action, delay);
    }

    /** Closes a charge point's connection from the server side, as a lost network would. */
    public void drop(String chargePointId) {
        WebSocket session = sessions.get(chargePointId);
        if (session != null) {
            session.close(CloseFrame.GOING_AWAY, "dropped by test");
        }
    }

    private void onFrame(String chargePointId, String text) {
        OcppMessage message;
        try {
            message = OcppMessage.parse(text);
        } catch (OcppMessage.MalformedFrame e) {
            violations.add(chargePointId + " sent a malformed frame: " + e.getMessage() + ": " + text);
            return;
        }
        if (message instanceof OcppMessage.Call call) {
            received.add(new Received(chargePointId, call, call.action(), Instant.now()));
            Ocpp16Schemas.checkRequest(call.action(), call.payload())
                    .forEach(v -> violations.add(chargePointId + ": " + v));
            if (call.id().length() > 36) {
                violations.add(chargePointId + ": message id longer than 36 characters");
            }
            WebSocket session = sessions.get(chargePointId);
            String answer = new OcppMessage.CallResult(call.id(), answerTo(call)).toFrame();
            Duration delay = answerDelays.get(chargePointId + "/" + call.action());
            if (delay == null) {
                session.send(answer);
            } else {
                delayedAnswers.schedule(() -> session.send(answer), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        String action = actionOfCall.remove(message.id());
        received.add(new Received(chargePointId, message, action, Instant.now()));
        if (action == null) {
            violations.add(chargePointId + " answered a call that was never made: " + message.id());
            return;
        }
        if (message instanceof OcppMessage.CallResult result) {
            Ocpp16Schemas.checkConfirmation(action, result.payload())
                    .forEach(v -> violations.add(chargePointId + ": " + v));
        } else if (message instanceof OcppMessage.CallError error) {
            Ocpp16Schemas.checkErrorCode(error.errorCode()).forEach(v -> violations.add(chargePointId + ": " + v));
        }
        CompletableFuture<OcppMessage> answer = waiting.remove(message.id());
        if (answer != null) {
            answer.complete(message);
        }
    }

    private ObjectNode answerTo(OcppMessage.Call call) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        switch (call.action()) {
            case "BootNotification" -> answer.put("status", "Accepted").put("currentTime", now)
                    .put("interval", heartbeatSeconds);
            case "Heartbeat" -> answer.put("currentTime", now);
            case "StartTransaction" -> {
                answer.put("transactionId", nextTransactionId.incrementAndGet());
                answer.putObject("idTagInfo").put("status", "Accepted");
            }
            case "StopTransaction", "Authorize" -> answer.putObject("idTagInfo").put("status", "Accepted");
            case "DataTransfer" -> answer.put("status", "Accepted");
            default -> {
            }
        }
        return answer;
    }

    @Override
    public void close() throws InterruptedException {
        delayedAnswers.shutdownNow();
        server.stop(2_000);
    }

    private final class Server extends WebSocketServer {
        private final CountDownLatch started = new CountDownLatch(1);

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0),
                    List.<Draft>of(new Draft_6455(Collections.emptyList(), List.<IProtocol>of(new Protocol("ocpp1.6")))));
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                           ClientHandshake request)
                throws InvalidDataException {
            ServerHandshakeBuilder builder = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            String path = request.getResourceDescriptor();
            String id = path.startsWith("/ocpp/") ? path.substring("/ocpp/".length()) : null;
            String expected = id == null ? null : passwords.get(id);
            String header = request.getFieldValue("Authorization");
            String offered = header.startsWith("Basic ")
                    ? new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8) : "";
            if (expected == null || !offered.equals(id + ":" + expected)) {
                refused.add(id + ": bad credentials");
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "bad credentials");
            }
            return builder;
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            String id = handshake.getResourceDescriptor().substring("/ocpp/".length());
            conn.setAttachment(id);
            if (!"ocpp1.6".equals(conn.getProtocol().getProvidedProtocol())) {
                violations.add(id + " did not negotiate ocpp1.6");
            }
            sessions.put(id, conn);
            opened.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            String id = conn.getAttachment();
            if (id != null) {
                sessions.remove(id, conn);
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            onFrame(conn.getAttachment(), message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                violations.add("central system failed: " + ex);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

}
