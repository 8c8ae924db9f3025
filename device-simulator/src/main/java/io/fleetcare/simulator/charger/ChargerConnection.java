package io.fleetcare.simulator.charger;

import io.fleetcare.simulator.ocpp.OcppWebSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charger's WebSocket to the central system: opens it, hands every received frame to the charger on its
 * scheduler in arrival order, and opens it again with back-off (1 s doubling to 30 s) when it is lost.
 * Thread-safe; the connection never calls the charger while holding its own lock.
 */
final class ChargerConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ChargerConnection.class);

    /** What the charger does with the connection's events; each runs on the charger's scheduler. */
    interface Listener {
        /** One whole text frame of the central system. */
        void received(String frame);

        /** The socket closed without the charger asking: pending calls can no longer be answered. */
        void lost();

        /** A new socket is open after a loss ({@code bootAfterwards} false) or a reboot (true). */
        void reconnected(boolean bootAfterwards);
    }

    private final String chargePointId;
    private final String secret;
    private final URI baseUri;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private final AtomicLong sent = new AtomicLong();
    private final Queue<String> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    private OcppWebSocket socket;
    private int generation;
    private boolean closed;
    private Duration reconnectDelay = Duration.ofSeconds(1);

    ChargerConnection(String chargePointId, String secret, URI baseUri, ScheduledExecutorService scheduler,
                      Listener listener) {
        this.chargePointId = chargePointId;
        this.secret = secret;
        this.baseUri = baseUri;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** Opens {@code {baseUri}/{chargePointId}}; fails as {@link OcppWebSocket#open} does. */
    synchronized CompletableFuture<Void> connect() {
        int opening = ++generation;
        return OcppWebSocket.open(baseUri, chargePointId, secret,
                        this::enqueue,
                        code -> scheduler.execute(() -> connectionLost(opening, code)))
                .thenAccept(opened -> {
                    synchronized (this) {
                        if (closed || opening != generation) {
                            opened.close();
                            return;
                        }
                        socket = opened;
                        reconnectDelay = Duration.ofSeconds(1);
                    }
                });
    }

    /**
     * Hands a frame to the socket.
     *
     * @throws IllegalStateException when no socket is open
     */
    void send(String frame) {
        OcppWebSocket current;
        synchronized (this) {
            current = socket;
        }
        if (current == null) {
            throw new IllegalStateException("not connected");
        }
        current.send(frame);
        sent.incrementAndGet();
        LOG.debug("{} sent {}", chargePointId, frame);
    }

    /** Frames handed to the socket. */
    long sent() {
        return sent.get();
    }

    synchronized boolean isOpen() {
        return socket != null;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Drops the socket for a reboot, runs {@code detached} (no frame can be sent any more), gives the old socket
     * the closing handshake and opens a new one 200 ms later; the listener hears {@code reconnected(true)}, not
     * {@code lost()}.
     */
    void reboot(Runnable detached) {
        OcppWebSocket old;
        synchronized (this) {
            old = socket;
            socket = null;
            generation++;
        }
        detached.run();
        if (old != null) {
            old.close();
        }
        synchronized (this) {
            reconnectDelay = Duration.ofMillis(200);
        }
        reconnectLater(true);
    }

    /** Closes the socket for good, running {@code detached} before its closing handshake; nothing is reopened. */
    void close(Runnable detached) {
        OcppWebSocket old;
        synchronized (this) {
            closed = true;
            old = socket;
            socket = null;
        }
        detached.run();
        if (old != null) {
            old.close();
        }
    }

    private void connectionLost(int lostGeneration, int code) {
        synchronized (this) {
            if (closed || lostGeneration != generation) {
                return;
            }
            socket = null;
        }
        LOG.warn("charger {} lost its connection (close code {}); connecting again in {}", chargePointId,
                code, reconnectDelay);
        listener.lost();
        reconnectLater(false);
    }

    private void reconnectLater(boolean bootAfterwards) {
        Duration delay;
        synchronized (this) {
            delay = reconnectDelay;
            reconnectDelay = reconnectDelay.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                    ? Duration.ofSeconds(30) : reconnectDelay.multipliedBy(2);
        }
        scheduler.schedule(() -> reconnect(bootAfterwards), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconnect(boolean bootAfterwards) {
        if (isClosed()) {
            return;
        }
        connect().whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("charger {} could not connect: {}", chargePointId, failure.getMessage());
                reconnectLater(bootAfterwards);
            } else {
                listener.reconnected(bootAfterwards);
            }
        });
    }

    /** Frames are handled one after the other, in arrival order, even on a shared scheduler. */
    private void enqueue(String frame) {
        inbox.add(frame);
        if (draining.compareAndSet(false, true)) {
            scheduler.execute(this::drain);
        }
    }

    private void drain() {
        do {
            for (String frame = inbox.poll(); frame != null; frame = inbox.poll()) {
                try {
                    listener.received(frame);
                } catch (RuntimeException e) {
                    LOG.warn("charger {} could not handle a frame", chargePointId, e);
                }
            }
            draining.set(false);
        } while (!inbox.isEmpty() && draining.compareAndSet(false, true));
    }
}
