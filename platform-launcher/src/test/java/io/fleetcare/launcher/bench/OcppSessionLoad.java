package io.fleetcare.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Charge points on OCPP 1.6J (JDK WebSocket client, HTTP Basic, subprotocol {@code ocpp1.6}) that each boot and
 * then send MeterValues round-robin at a given total rate. OCPP-J allows one outstanding CALL per direction, so a
 * session whose last CALL is not answered yet skips its turn (counted). The sessions share a few {@link HttpClient}s
 * (each has one selector thread), so no thread per charger.
 */
final class OcppSessionLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final Function<String, String> secretOf;
    private final List<HttpClient> clients = new ArrayList<>();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<String> failureSamples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-ocpp-ticker");
        t.setDaemon(true);
        return t;
    });
    private volatile double rate;
    private volatile long rateSince;
    private long issuedSinceRate;
    private int cursor;
    private volatile LatencySamples roundTrips;

    final AtomicLong connectFailures = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong answered = new AtomicLong();
    final AtomicLong callErrors = new AtomicLong();
    final AtomicLong sendErrors = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong closedByGateway = new AtomicLong();

    /**
     * @param base        the gateway's {@code ws://host:port/ocpp}
     * @param httpClients how many HTTP clients the sessions are spread over
     */
    OcppSessionLoad(URI base, Function<String, String> secretOf, int httpClients) {
        this.base = base;
        this.secretOf = secretOf;
        for (int i = 0; i < httpClients; i++) {
            clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build());
        }
        ticker.scheduleAtFixedRate(this::sendDue, 5, 5, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a session per charge point, {@code atOnce} at a time, each followed by a BootNotification, and waits for
     * all of them; a refused upgrade, a failed connect or an unanswered boot counts as a connect failure.
     */
    void connectAll(List<String> chargePointIds, int atOnce) throws InterruptedException {
        Semaphore slots = new Semaphore(atOnce);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < chargePointIds.size(); i++) {
            String id = chargePointIds.get(i);
            HttpClient client = clients.get(i % clients.size());
            slots.acquire();
            Session session = new Session(id);
            CompletableFuture<?> ready = client.newWebSocketBuilder()
                    .subprotocols("ocpp1.6")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((id + ":" + secretOf.apply(id)).getBytes(StandardCharsets.UTF_8)))
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(base.resolve(base.getPath() + "/" + id), session)
                    .thenCompose(session::boot)
                    .orTimeout(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .whenComplete((ok, error) -> {
                        slots.release();
                        if (error == null) {
                            sessions.add(session);
                        } else {
                            connectFailures.incrementAndGet();
                            note(id + " could not connect: " + rootCause(error));
                        }
                    });
            all.add(ready);
        }
        for (CompletableFuture<?> f : all) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // counted in whenComplete
            }
        }
    }

    int connected() {
        return sessions.size();
    }

    /** MeterValues per second in total from now on; 0 stops. Round-trip times go to {@code samples} (may be null). */
    void sendAt(double callsPerSecond, LatencySamples samples) {
        roundTrips = samples;
        synchronized (this) {
            issuedSinceRate = 0;
            rateSince = System.nanoTime();
            rate = callsPerSecond;
        }
    }

    /**
     * Sends a StatusNotification {@code Faulted} with {@code errorCode} on connector 1 from the session of
     * {@code chargePointId}, as soon as that session has no CALL outstanding (at most 5 s).
     *
     * @return when the frame was handed to the socket; null when the session is unknown, closed or stays busy
     */
    Instant statusFault(String chargePointId, String errorCode) throws InterruptedException {
        Session session = sessions.stream().filter(s -> s.id.equals(chargePointId)).findFirst().orElse(null);
        if (session == null) {
            return null;
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            synchronized (this) {
                Instant sent = session.statusFault(errorCode);
                if (sent != null) {
                    return sent;
                }
            }
            Thread.sleep(2);
        }
        return null;
    }

    /** The ids of the sessions that booted. */
    List<String> sessionIds() {
        return sessions.stream().map(s -> s.id).toList();
    }

    /** Waits up to {@code timeoutMillis} until no CALL waits for its answer. */
    void awaitAnswers(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (sessions.stream().anyMatch(s -> s.outstandingId != null) && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
    }

    List<String> failureSamples() {
        return failureSamples.subList(0, Math.min(5, failureSamples.size()));
    }

    private synchronized void sendDue() {
        try {
            double r = rate;
            if (r <= 0 || sessions.isEmpty()) {
                return;
            }
            long due = (long) (r * (System.nanoTime() - rateSince) / 1e9) - issuedSinceRate;
            for (long i = 0; i < due; i++) {
                issuedSinceRate++;
                Session session = sessions.get(cursor);
                cursor = (cursor + 1) % sessions.size();
                if (!session.meterValues()) {
                    skipped.incrementAndGet();
                }
            }
        } catch (RuntimeException e) {
            note("ticker: " + e);
        }
    }

    private void note(String text) {
        if (failureSamples.size() < 5) {
            failureSamples.add(text);
        }
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof TimeoutException ? "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s"
                : cause.toString();
    }

    /** One charge point's connection: at most one CALL outstanding. */
    private final class Session implements WebSocket.Listener {

        private final String id;
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private volatile String outstandingId;
        private volatile long outstandingSince;
        private volatile CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
        private volatile CompletableFuture<Void> bootAnswer;
        private volatile boolean open = true;
        private long seq;
        private double energyWh = 10_000;

        Session(String id) {
            this.id = id;
        }

        CompletableFuture<Void> boot(WebSocket socket) {
            this.socket = socket;
            bootAnswer = new CompletableFuture<>();
            outstandingId = "boot";
            socket.sendText("[2,\"boot\",\"BootNotification\",{\"chargePointVendor\":\"FleetCare\","
                    + "\"chargePointModel\":\"BENCH-22\"}]", true);
            return bootAnswer;
        }

        /** Sends a StatusNotification Faulted unless a CALL is outstanding; null when it did not. */
        Instant statusFault(String errorCode) {
            if (!open || outstandingId != null || !lastSend.isDone()) {
                return null;
            }
            String messageId = "fault-" + (++seq);
            Instant now = Instant.now();
            String frame = "[2,\"" + messageId + "\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\""
                    + errorCode + "\",\"status\":\"Faulted\",\"timestamp\":\"" + now + "\"}]";
            outstandingSince = System.nanoTime();
            outstandingId = messageId;
            lastSend = socket.sendText(frame, true).whenComplete((ws, error) -> {
                if (error != null) {
                    sendErrors.incrementAndGet();
                    outstandingId = null;
                }
            });
            return now;
        }

        /** Sends the next MeterValues unless a CALL is outstanding; false when it skipped. */
        boolean meterValues() {
            if (!open || outstandingId != null || !lastSend.isDone()) {
                return false;
            }
            String messageId = Long.toString(++seq);
            energyWh += 1.5;
            String frame = "[2,\"" + messageId + "\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\""
                    + Instant.now() + "\",\"sampledValue\":[{\"value\":\"" + energyWh
                    + "\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},"
                    + "{\"value\":\"7200\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}]}]}]";
            outstandingSince = System.nanoTime();
            outstandingId = messageId;
            sent.incrementAndGet();
            lastSend = socket.sendText(frame, true).whenComplete((ws, error) -> {
                if (error != null) {
                    sendErrors.incrementAndGet();
                    outstandingId = null;
                }
            });
            return true;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                answer(text);
            }
            webSocket.request(1);
            return null;
        }

        private void answer(String text) {
            long now = System.nanoTime();
            try {
                JsonNode frame = JSON.readTree(text);
                int type = frame.path(0).asInt();
                String messageId = frame.path(1).asText();
                if ((type != 3 && type != 4) || !messageId.equals(outstandingId)) {
                    return;
                }
                if ("boot".equals(messageId)) {
                    outstandingId = null;
                    String status = frame.path(2).path("status").asText();
                    if (type == 3 && "Accepted".equals(status)) {
                        bootAnswer.complete(null);
                    } else {
                        bootAnswer.completeExceptionally(new IllegalStateException("BootNotification answered " + text));
                    }
                    return;
                }
                LatencySamples samples = roundTrips;
                if (samples != null) {
                    samples.add((now - outstandingSince) / 1_000);
                }
                if (type == 4) {
                    callErrors.incrementAndGet();
                    note(id + " got " + text);
                } else {
                    answered.incrementAndGet();
                }
                outstandingId = null;
            } catch (java.io.IOException e) {
                note(id + " sent something unreadable: " + text);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            gone("closed " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            gone(error.toString());
        }

        private void gone(String why) {
            if (open) {
                open = false;
                closedByGateway.incrementAndGet();
                note(id + " lost its session: " + why);
            }
            CompletableFuture<Void> boot = bootAnswer;
            if (boot != null) {
                boot.completeExceptionally(new IllegalStateException(why));
            }
        }

        void close() {
            open = false;
            if (socket != null) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done").orTimeout(5, TimeUnit.SECONDS)
                        .exceptionally(e -> null);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        rate = 0;
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        sessions.forEach(Session::close);
        Thread.sleep(500);
        sessions.forEach(s -> {
            if (s.socket != null) {
                s.socket.abort();
            }
        });
    }
}
