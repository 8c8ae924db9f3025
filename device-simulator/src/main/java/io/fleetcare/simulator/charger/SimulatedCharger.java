package io.fleetcare.simulator.charger;

import io.fleetcare.simulator.ocpp.OutgoingCalls;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AC charger with one connector that speaks OCPP 1.6J to a central system over a WebSocket.
 *
 * <p>It boots (BootNotification), sends Heartbeat at the interval the central system's answer gives,
 * reports each connector's status (StatusNotification), charges vehicles as its {@link ChargingPattern} says
 * (StartTransaction / StopTransaction) and sends MeterValues every MeterValueSampleInterval from its
 * {@link ChargerSignals}. It answers Reset (and reboots), TriggerMessage, GetConfiguration,
 * ChangeConfiguration, UnlockConnector, RemoteStart/StopTransaction, GetDiagnostics, UpdateFirmware,
 * ChangeAvailability, ClearCache and DataTransfer (every call of the Core, Firmware Management and Remote Trigger
 * profiles);
 * other actions of the central system get NotSupported, unknown ones NotImplemented. A lost connection is
 * opened again with back-off.
 */
public final class SimulatedCharger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCharger.class);
    private static final Duration TICK = Duration.ofMillis(100);

    private final ChargerSpec spec;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private final AtomicLong failed = new AtomicLong();
    private final ChargerConnection connection;
    private final OutgoingCalls calls;
    private final Connector connector;
    private final CentralSystemCalls centralSystem;

    private ScheduledFuture<?> ticking;

    private SimulatedCharger(ChargerSpec spec, URI baseUri, ScheduledExecutorService scheduler, boolean ownScheduler,
                             Duration callTimeout) {
        this.spec = spec;
        this.scheduler = scheduler;
        this.ownScheduler = ownScheduler;
        Clock clock = Clock.systemUTC();
        ChargerConfiguration configuration =
                new ChargerConfiguration(60, (int) Math.max(1, spec.meterValueInterval().toSeconds()));
        this.connection = new ChargerConnection(spec.chargePointId(), spec.secret(), baseUri, scheduler,
                new ConnectionEvents());
        this.calls = new OutgoingCalls(connection::send, callTimeout);
        ChargePointCalls send = new ChargePointCalls(spec, calls, clock, failed, connection::isClosed);
        this.connector = new Connector(spec, clock, configuration, send, calls, connection, scheduler);
        this.centralSystem = new CentralSystemCalls(spec.chargePointId(), connector, configuration, send, calls,
                connection, scheduler, failed);
    }

    /** Runs on the charger's scheduler. */
    private final class ConnectionEvents implements ChargerConnection.Listener {
        @Override
        public void received(String frame) {
            centralSystem.receive(frame);
        }

        @Override
        public void lost() {
            calls.failAll(new IllegalStateException("connection closed"));
        }

        @Override
        public void reconnected(boolean bootAfterwards) {
            if (bootAfterwards || !connector.isBooted()) {
                connector.boot();
            } else {
                connector.reportStatuses();
            }
        }
    }

    /**
     * Connects on its own scheduler thread and boots.
     *
     * @see #start(ChargerSpec, URI, ScheduledExecutorService, Duration)
     */
    public static SimulatedCharger start(ChargerSpec spec, URI ocppBaseUri) throws ExecutionException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "charger-" + spec.chargePointId());
            t.setDaemon(true);
            return t;
        });
        return start(spec, ocppBaseUri, scheduler, true, Duration.ofSeconds(30));
    }

    /**
     * Connects to {@code {ocppBaseUri}/{chargePointId}} and boots; the rest happens on {@code scheduler},
     * which the caller owns and may share between chargers.
     *
     * @param ocppBaseUri e.g. {@code ws://localhost:8081/ocpp}
     * @param callTimeout how long the charger waits for the answer to each of its calls
     * @throws ExecutionException when the central system refuses the connection (e.g. a wrong secret: the
     *                            cause is a {@link java.net.http.WebSocketHandshakeException}) or cannot be
     *                            reached within 10 s
     */
    public static SimulatedCharger start(ChargerSpec spec, URI ocppBaseUri, ScheduledExecutorService scheduler,
                                         Duration callTimeout) throws ExecutionException {
        return start(spec, ocppBaseUri, scheduler, false, callTimeout, TICK);
    }

    /**
     * Like {@link #start(ChargerSpec, URI, ScheduledExecutorService, Duration)}, looking at its clock (heartbeat,
     * meter values, sessions, faults due?) every {@code tick} instead of every 100 ms: coarser timing, much less
     * work for thousands of chargers on one scheduler.
     */
    public static SimulatedCharger start(ChargerSpec spec, URI ocppBaseUri, ScheduledExecutorService scheduler,
                                         Duration callTimeout, Duration tick) throws ExecutionException {
        return start(spec, ocppBaseUri, scheduler, false, callTimeout, tick);
    }

    private static SimulatedCharger start(ChargerSpec spec, URI ocppBaseUri, ScheduledExecutorService scheduler,
                                          boolean ownScheduler, Duration callTimeout) throws ExecutionException {
        return start(spec, ocppBaseUri, scheduler, ownScheduler, callTimeout, TICK);
    }

    private static SimulatedCharger start(ChargerSpec spec, URI ocppBaseUri, ScheduledExecutorService scheduler,
                                          boolean ownScheduler, Duration callTimeout, Duration tick)
            throws ExecutionException {
        SimulatedCharger charger = new SimulatedCharger(spec, ocppBaseUri, scheduler, ownScheduler, callTimeout);
        try {
            charger.connection.connect().get(15, TimeUnit.SECONDS);
        } catch (InterruptedException | TimeoutException e) {
            charger.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ExecutionException("could not connect " + spec.chargePointId(), e);
        } catch (ExecutionException e) {
            charger.close();
            throw e;
        }
        synchronized (charger) {
            charger.ticking = scheduler.scheduleWithFixedDelay(charger::tickSafely, tick.toMillis(), tick.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        charger.connector.boot();
        return charger;
    }

    public ChargerSpec spec() {
        return spec;
    }

    /** Messages (calls and answers) the charger handed to its socket. */
    public long sent() {
        return connection.sent();
    }

    /** Calls that were refused, timed out or could not be sent. */
    public long failed() {
        return failed.get();
    }

    /** How many BootNotifications the central system accepted: 1 after start, one more per reboot. */
    public long boots() {
        return connector.boots();
    }

    /** The id of the running transaction, or null when the connector is not charging. */
    public Integer transactionId() {
        return connector.transactionId();
    }

    /** The connector's OCPP status (Available, Preparing, Charging, Finishing, Faulted). */
    public String status() {
        return connector.status();
    }

    /**
     * Reports a passing error on the connector, as a charger does when a session fails on the vehicle side:
     * a StatusNotification in the current state with {@code errorCode}, then one with {@code NoError}.
     * Does nothing while the charger is not connected and booted.
     *
     * @param errorCode an OCPP 1.6 ChargePointErrorCode other than NoError
     * @throws IllegalArgumentException for any other code
     */
    public void reportPassingError(String errorCode) {
        if (!SuddenFault.ERROR_CODES.contains(errorCode)) {
            throw new IllegalArgumentException(errorCode + " is not an OCPP 1.6 error code for a fault");
        }
        connector.reportPassingError(errorCode);
    }

    private void tickSafely() {
        try {
            connector.tick();
        } catch (RuntimeException e) {
            LOG.warn("charger {} tick failed", spec.chargePointId(), e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (ticking != null) {
                ticking.cancel(false);
            }
        }
        connection.close(() -> calls.failAll(new IllegalStateException("charger closed")));
        if (ownScheduler) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return spec.chargePointId() + (spec.healthy() ? " (healthy)" : " (" + faultName() + ")");
    }

    private String faultName() {
        return spec.overheating() != null ? "overheating" : "sudden fault " + spec.suddenFault().errorCode();
    }
}
