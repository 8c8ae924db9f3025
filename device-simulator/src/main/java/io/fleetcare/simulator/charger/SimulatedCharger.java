package io.fleetcare.simulator.charger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.simulator.ocpp.CallRefused;
import io.fleetcare.simulator.ocpp.OcppMessage;
import io.fleetcare.simulator.ocpp.OcppWebSocket;
import io.fleetcare.simulator.ocpp.OutgoingCalls;
import io.fleetcare.simulator.ocpp.RequestPayload;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletableFuture;
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
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration TICK = Duration.ofMillis(100);
    private static final int CONNECTOR = 1;
    private static final String LOCAL_ID_TAG = "LOCAL-0001";
    private static final Set<String> CENTRAL_SYSTEM_ACTIONS = Set.of("CancelReservation", "ChangeAvailability",
            "ChangeConfiguration", "ClearCache", "ClearChargingProfile", "DataTransfer", "GetCompositeSchedule",
            "GetConfiguration", "GetDiagnostics", "GetLocalListVersion", "RemoteStartTransaction",
            "RemoteStopTransaction", "ReserveNow", "Reset", "SendLocalList", "SetChargingProfile", "TriggerMessage",
            "UnlockConnector", "UpdateFirmware");

    private final ChargerSpec spec;
    private final URI baseUri;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;
    private final Clock clock;
    private final Instant startedAt;
    private final ChargerSignals signals;
    private final ChargerConfiguration configuration;
    private final OutgoingCalls calls;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong boots = new AtomicLong();
    private final Queue<String> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    private OcppWebSocket socket;
    private int connection;
    private boolean closed;
    private boolean booted;
    private ScheduledFuture<?> ticking;
    private Instant nextHeartbeat;
    private Instant nextMeterValues;
    private Instant nextSession;
    private Instant sessionEnds;
    private String status = "Available";
    private boolean faulted;
    /** When the sudden fault actually began (the first tick after its time, once booted); null before. */
    private Instant faultBeganAt;
    private boolean starting;
    private Integer transactionId;
    private String transactionIdTag;
    private boolean inoperative;
    private boolean inoperativeScheduled;
    private Duration reconnectDelay = Duration.ofSeconds(1);

    private SimulatedCharger(ChargerSpec spec, URI baseUri, ScheduledExecutorService scheduler, boolean ownScheduler,
                             Duration callTimeout) {
        this.spec = spec;
        this.baseUri = baseUri;
        this.scheduler = scheduler;
        this.ownScheduler = ownScheduler;
        this.clock = Clock.systemUTC();
        this.startedAt = clock.instant();
        this.signals = new ChargerSignals(spec.seed(), spec.overheating(), spec.ratedPowerW());
        this.configuration = new ChargerConfiguration(60, (int) Math.max(1, spec.meterValueInterval().toSeconds()));
        this.calls = new OutgoingCalls(this::sendFrame, callTimeout);
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
            charger.connect().get(15, TimeUnit.SECONDS);
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
        charger.boot();
        return charger;
    }

    public ChargerSpec spec() {
        return spec;
    }

    /** Messages (calls and answers) the charger handed to its socket. */
    public long sent() {
        return sent.get();
    }

    /** Calls that were refused, timed out or could not be sent. */
    public long failed() {
        return failed.get();
    }

    /** How many BootNotifications the central system accepted: 1 after start, one more per reboot. */
    public long boots() {
        return boots.get();
    }

    /** The id of the running transaction, or null when the connector is not charging. */
    public synchronized Integer transactionId() {
        return transactionId;
    }

    /** The connector's OCPP status (Available, Preparing, Charging, Finishing, Faulted). */
    public synchronized String status() {
        return status;
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
        String state;
        synchronized (this) {
            if (!booted || socket == null) {
                return;
            }
            state = status;
        }
        scheduler.execute(() -> {
            statusNotification(CONNECTOR, state, errorCode, null);
            statusNotification(CONNECTOR, state, "NoError", null);
        });
    }

    // ---- connection ------------------------------------------------------------------------------------

    private synchronized CompletableFuture<Void> connect() {
        int generation = ++connection;
        return OcppWebSocket.open(baseUri, spec.chargePointId(), spec.secret(),
                        this::enqueue,
                        code -> scheduler.execute(() -> connectionLost(generation, code)))
                .thenAccept(opened -> {
                    synchronized (this) {
                        if (closed || generation != connection) {
                            opened.close();
                            return;
                        }
                        socket = opened;
                        reconnectDelay = Duration.ofSeconds(1);
                    }
                });
    }

    private void sendFrame(String frame) {
        OcppWebSocket current;
        synchronized (this) {
            current = socket;
        }
        if (current == null) {
            throw new IllegalStateException("not connected");
        }
        current.send(frame);
        sent.incrementAndGet();
        LOG.debug("{} sent {}", spec.chargePointId(), frame);
    }

    private void connectionLost(int generation, int code) {
        synchronized (this) {
            if (closed || generation != connection) {
                return;
            }
            socket = null;
        }
        LOG.warn("charger {} lost its connection (close code {}); connecting again in {}", spec.chargePointId(),
                code, reconnectDelay);
        calls.failAll(new IllegalStateException("connection closed"));
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
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        connect().whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("charger {} could not connect: {}", spec.chargePointId(), failure.getMessage());
                reconnectLater(bootAfterwards);
            } else if (bootAfterwards || !isBooted()) {
                boot();
            } else {
                reportStatuses();
            }
        });
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized boolean isBooted() {
        return booted;
    }

    // ---- the charger's own messages -------------------------------------------------------------------

    private CompletableFuture<ObjectNode> call(String action, ObjectNode payload) {
        return calls.call(action, payload).whenComplete((answer, failure) -> {
            if (failure != null && !isClosed()) {
                failed.incrementAndGet();
                LOG.warn("charger {}: {} failed: {}", spec.chargePointId(), action, failure.toString());
            }
        });
    }

    private void boot() {
        ObjectNode payload = NODES.objectNode()
                .put("chargePointVendor", spec.vendor())
                .put("chargePointModel", spec.model())
                .put("chargePointSerialNumber", serialNumber())
                .put("firmwareVersion", "1.4.2");
        call("BootNotification", payload).whenComplete((answer, failure) -> {
            if (failure == null && "Accepted".equals(answer.path("status").asText())) {
                booted(answer.path("interval").asInt(0));
            } else {
                int retry = failure == null ? Math.max(1, answer.path("interval").asInt(10)) : 5;
                scheduler.schedule(this::boot, retry, TimeUnit.SECONDS);
            }
        });
    }

    private String serialNumber() {
        String id = spec.chargePointId();
        return "SN-" + (id.length() > 22 ? id.substring(id.length() - 22) : id);
    }

    private void booted(int intervalSeconds) {
        synchronized (this) {
            booted = true;
            if (intervalSeconds > 0) {
                configuration.set(ChargerConfiguration.HEARTBEAT_INTERVAL, Integer.toString(intervalSeconds));
            }
            Instant now = clock.instant();
            nextHeartbeat = now.plusSeconds(configuration.integer(ChargerConfiguration.HEARTBEAT_INTERVAL));
            nextMeterValues = now.plus(spec.meterValueInterval());
            if (nextSession == null && transactionId == null) {
                nextSession = now.plus(spec.pattern().idle());
            }
        }
        boots.incrementAndGet();
        LOG.info("charger {} booted; heartbeat every {} s", spec.chargePointId(), intervalSeconds);
        reportStatuses();
    }

    private void reportStatuses() {
        statusNotification(0, idleStatus(), "NoError", null);
        reportConnector();
    }

    /** The status of a connector that is neither charging nor faulted: Available, or Unavailable when inoperative. */
    private synchronized String idleStatus() {
        return inoperative ? "Unavailable" : "Available";
    }

    private CompletableFuture<ObjectNode> statusNotification(int connectorId, String state, String errorCode,
                                                            String vendorErrorCode) {
        ObjectNode payload = NODES.objectNode()
                .put("connectorId", connectorId)
                .put("status", state)
                .put("errorCode", errorCode)
                .put("timestamp", now());
        if (vendorErrorCode != null) {
            payload.put("vendorErrorCode", vendorErrorCode);
        }
        return call("StatusNotification", payload);
    }

    private void heartbeat() {
        call("Heartbeat", NODES.objectNode());
    }

    private void meterValues(String context) {
        ChargerReading reading;
        Integer transaction;
        synchronized (this) {
            reading = read();
            transaction = transactionId;
        }
        ObjectNode payload = NODES.objectNode().put("connectorId", CONNECTOR);
        if (transaction != null) {
            payload.put("transactionId", transaction);
        }
        ObjectNode value = payload.putArray("meterValue").addObject().put("timestamp", now());
        ArrayNode sampled = value.putArray("sampledValue");
        sampled(sampled, reading.energyWh(), context, "Energy.Active.Import.Register", "Wh");
        sampled(sampled, reading.powerW(), context, "Power.Active.Import", "W");
        sampled(sampled, reading.currentA(), context, "Current.Import", "A");
        sampled(sampled, reading.voltageV(), context, "Voltage", "V");
        sampled(sampled, reading.temperatureC(), context, "Temperature", "Celsius");
        call("MeterValues", payload);
    }

    private static void sampled(ArrayNode into, double value, String context, String measurand, String unit) {
        into.addObject()
                .put("value", Double.toString(value))
                .put("context", context)
                .put("measurand", measurand)
                .put("location", "Outlet")
                .put("unit", unit);
    }

    private synchronized ChargerReading read() {
        return signals.sample(Duration.between(startedAt, clock.instant()), "Charging".equals(status));
    }

    private void startTransaction(String idTag) {
        int meterStart;
        synchronized (this) {
            if (starting || transactionId != null || faulted || inoperative) {
                return;
            }
            starting = true;
            meterStart = (int) read().energyWh();
            status = "Preparing";
        }
        statusNotification(CONNECTOR, "Preparing", "NoError", null);
        ObjectNode payload = NODES.objectNode()
                .put("connectorId", CONNECTOR)
                .put("idTag", idTag)
                .put("meterStart", meterStart)
                .put("timestamp", now());
        call("StartTransaction", payload).whenComplete((answer, failure) -> {
            boolean accepted = failure == null && "Accepted".equals(answer.path("idTagInfo").path("status").asText())
                    && answer.path("transactionId").isInt();
            boolean faultedMeanwhile;
            synchronized (this) {
                starting = false;
                faultedMeanwhile = faulted;
                if (accepted && faulted) {
                    // the connector faulted while the central system was opening the transaction: it is open there,
                    // so it is ended at once as a fault ends it
                    transactionId = answer.path("transactionId").asInt();
                    transactionIdTag = idTag;
                } else if (accepted) {
                    transactionId = answer.path("transactionId").asInt();
                    transactionIdTag = idTag;
                    status = "Charging";
                    sessionEnds = clock.instant().plus(spec.pattern().session());
                } else if (!faulted) {
                    status = idleStatus();
                    nextSession = clock.instant().plus(spec.pattern().idle());
                }
            }
            if (faultedMeanwhile) {
                if (accepted) {
                    stopTransaction("Other", false);
                }
            } else if (accepted) {
                statusNotification(CONNECTOR, "Charging", "NoError", null);
            } else {
                statusNotification(CONNECTOR, idleStatus(), "NoError", null);
            }
        });
    }

    /** Ends the running transaction; returns when the central system answered, or at once when none runs. */
    private CompletableFuture<?> stopTransaction(String reason, boolean reportFinishing) {
        ObjectNode payload;
        synchronized (this) {
            if (transactionId == null) {
                return CompletableFuture.completedFuture(null);
            }
            int meterStop = (int) read().energyWh();
            payload = NODES.objectNode()
                    .put("transactionId", transactionId)
                    .put("idTag", transactionIdTag)
                    .put("meterStop", meterStop)
                    .put("timestamp", now())
                    .put("reason", reason);
            transactionId = null;
            transactionIdTag = null;
            sessionEnds = null;
            nextSession = clock.instant().plus(spec.pattern().idle());
            if (inoperativeScheduled) {
                inoperativeScheduled = false;
                inoperative = true;
            }
            if (reportFinishing) {
                status = idleStatus();
            }
        }
        CompletableFuture<ObjectNode> stopped = call("StopTransaction", payload);
        if (reportFinishing) {
            statusNotification(CONNECTOR, "Finishing", "NoError", null);
            statusNotification(CONNECTOR, idleStatus(), "NoError", null);
        }
        return stopped;
    }

    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---- time ------------------------------------------------------------------------------------------

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("charger {} tick failed", spec.chargePointId(), e);
        }
    }

    private void tick() {
        Instant now = clock.instant();
        Duration sinceStart = Duration.between(startedAt, now);
        boolean heartbeatDue;
        boolean meterValuesDue;
        boolean sessionDue;
        boolean sessionOver;
        boolean faultBegins;
        boolean faultEnds;
        synchronized (this) {
            if (!booted || socket == null) {
                return;
            }
            SuddenFault sudden = spec.suddenFault();
            // the fault plays out in full even when the charger booted late or a tick came late: it begins at the
            // first tick past its time and lasts its whole length from then
            faultBegins = sudden != null && faultBeganAt == null && sudden.dueAt(sinceStart);
            faultEnds = faulted && sudden.recoversAfter() != null
                    && !now.isBefore(faultBeganAt.plus(sudden.recoversAfter()));
            boolean faultActive = faulted || faultBegins;
            heartbeatDue = !now.isBefore(nextHeartbeat);
            if (heartbeatDue) {
                nextHeartbeat = now.plusSeconds(Math.max(1, configuration.integer(ChargerConfiguration.HEARTBEAT_INTERVAL)));
            }
            int meterSeconds = configuration.integer(ChargerConfiguration.METER_VALUE_SAMPLE_INTERVAL);
            meterValuesDue = meterSeconds > 0 && !now.isBefore(nextMeterValues);
            if (meterValuesDue) {
                nextMeterValues = now.plusSeconds(meterSeconds);
            }
            sessionDue = !faultActive && !inoperative && transactionId == null && !starting && nextSession != null
                    && !now.isBefore(nextSession);
            sessionOver = transactionId != null && sessionEnds != null && !now.isBefore(sessionEnds);
        }
        if (faultBegins) {
            fault();
        } else if (faultEnds) {
            recover();
        }
        if (sessionDue) {
            startTransaction(LOCAL_ID_TAG);
        } else if (sessionOver) {
            stopTransaction("Local", true);
        }
        if (meterValuesDue) {
            meterValues("Sample.Periodic");
        }
        if (heartbeatDue) {
            heartbeat();
        }
    }

    private void fault() {
        SuddenFault fault = spec.suddenFault();
        LOG.info("charger {} faults: {}", spec.chargePointId(), fault.errorCode());
        synchronized (this) {
            faulted = true;
            faultBeganAt = clock.instant();
        }
        stopTransaction("Other", false);
        synchronized (this) {
            status = "Faulted";
        }
        statusNotification(CONNECTOR, "Faulted", fault.errorCode(), fault.vendorErrorCode());
    }

    private void recover() {
        LOG.info("charger {} recovered", spec.chargePointId());
        synchronized (this) {
            faulted = false;
            status = idleStatus();
            nextSession = clock.instant().plus(spec.pattern().idle());
        }
        statusNotification(CONNECTOR, idleStatus(), "NoError", null);
    }

    // ---- calls from the central system -----------------------------------------------------------------

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
                    receive(frame);
                } catch (RuntimeException e) {
                    LOG.warn("charger {} could not handle a frame", spec.chargePointId(), e);
                }
            }
            draining.set(false);
        } while (!inbox.isEmpty() && draining.compareAndSet(false, true));
    }

    private void receive(String frame) {
        OcppMessage message;
        try {
            message = OcppMessage.parse(frame);
        } catch (OcppMessage.MalformedFrame e) {
            LOG.warn("charger {} got a malformed frame: {}", spec.chargePointId(), e.getMessage());
            answer(new OcppMessage.CallError(e.messageId() == null ? "-1" : e.messageId(), "FormationViolation",
                    e.getMessage(), null));
            return;
        }
        if (message instanceof OcppMessage.Call call) {
            Runnable afterwards;
            try {
                Answered answered = dispatch(call.action(), call.payload());
                answer(new OcppMessage.CallResult(call.id(), answered.payload()));
                afterwards = answered.afterwards();
            } catch (CallRefused e) {
                answer(new OcppMessage.CallError(call.id(), e.errorCode(), e.getMessage(), null));
                return;
            }
            if (afterwards != null) {
                scheduler.execute(afterwards);
            }
        } else if (!calls.answer(message) && !isClosed()) {
            LOG.warn("charger {} got an answer to no call: {}", spec.chargePointId(), message.id());
        }
    }

    private void answer(OcppMessage message) {
        try {
            sendFrame(message.toFrame());
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.warn("charger {} could not answer {}: {}", spec.chargePointId(), message.id(), e.getMessage());
        }
    }

    /** The CALLRESULT payload and what the charger does once it is sent. */
    private record Answered(ObjectNode payload, Runnable afterwards) {
        static Answered status(String status, Runnable afterwards) {
            return new Answered(NODES.objectNode().put("status", status), afterwards);
        }
    }

    private Answered dispatch(String action, ObjectNode payload) {
        return switch (action) {
            case "Reset" -> reset(payload);
            case "TriggerMessage" -> triggerMessage(payload);
            case "GetConfiguration" -> getConfiguration(payload);
            case "ChangeConfiguration" -> changeConfiguration(payload);
            case "UnlockConnector" -> unlockConnector(payload);
            case "RemoteStartTransaction" -> remoteStart(payload);
            case "RemoteStopTransaction" -> remoteStop(payload);
            case "GetDiagnostics" -> getDiagnostics(payload);
            case "UpdateFirmware" -> updateFirmware(payload);
            case "ChangeAvailability" -> changeAvailability(payload);
            case "ClearCache" -> clearCache(payload);
            case "DataTransfer" -> dataTransfer(payload);
            default -> throw CENTRAL_SYSTEM_ACTIONS.contains(action)
                    ? new CallRefused("NotSupported", action + " is not supported by this charger")
                    : new CallRefused("NotImplemented", action + " is not an OCPP 1.6 action");
        };
    }

    private Answered reset(ObjectNode payload) {
        String type = new RequestPayload(payload, Set.of("type")).oneOf("type", List.of("Hard", "Soft"));
        return Answered.status("Accepted", () -> reboot(type));
    }

    private void reboot(String type) {
        LOG.info("charger {} reboots ({} reset)", spec.chargePointId(), type);
        stopTransaction(type + "Reset", false).whenComplete((r, e) -> {
            OcppWebSocket old;
            synchronized (this) {
                booted = false;
                if (!faulted) {
                    status = idleStatus();
                }
                old = socket;
                socket = null;
                connection++;
            }
            calls.failAll(new IllegalStateException("rebooting"));
            if (old != null) {
                old.close();
            }
            synchronized (this) {
                reconnectDelay = Duration.ofMillis(200);
            }
            reconnectLater(true);
        });
    }

    private Answered triggerMessage(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("requestedMessage", "connectorId"));
        String requested = request.oneOf("requestedMessage", List.of("BootNotification",
                "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat", "MeterValues",
                "StatusNotification"));
        Integer connectorId = request.optionalInteger("connectorId");
        if (connectorId != null && (connectorId < 0 || connectorId > CONNECTOR)) {
            return Answered.status("Rejected", null);
        }
        Runnable send = switch (requested) {
            case "BootNotification" -> this::boot;
            case "Heartbeat" -> this::heartbeat;
            case "MeterValues" -> () -> meterValues("Trigger");
            case "StatusNotification" -> () -> {
                if (connectorId == null) {
                    reportStatuses();
                } else if (connectorId == 0) {
                    statusNotification(0, idleStatus(), "NoError", null);
                } else {
                    reportConnector();
                }
            };
            case "DiagnosticsStatusNotification" ->
                    () -> call("DiagnosticsStatusNotification", NODES.objectNode().put("status", "Idle"));
            default -> () -> call("FirmwareStatusNotification", NODES.objectNode().put("status", "Idle"));
        };
        return Answered.status("Accepted", send);
    }

    private void reportConnector() {
        String current;
        boolean isFaulted;
        synchronized (this) {
            current = status;
            isFaulted = faulted;
        }
        if (isFaulted) {
            statusNotification(CONNECTOR, "Faulted", spec.suddenFault().errorCode(),
                    spec.suddenFault().vendorErrorCode());
        } else {
            statusNotification(CONNECTOR, current, "NoError", null);
        }
    }

    private Answered getConfiguration(ObjectNode payload) {
        List<String> keys = new RequestPayload(payload, Set.of("key")).strings("key", 50);
        ObjectNode answer = NODES.objectNode();
        ArrayNode known = NODES.arrayNode();
        ArrayNode unknown = NODES.arrayNode();
        List<ChargerConfiguration.Key> asked = keys.isEmpty() ? configuration.all() : keys.stream()
                .map(key -> {
                    ChargerConfiguration.Key found = configuration.get(key);
                    if (found == null) {
                        unknown.add(key);
                    }
                    return found;
                })
                .filter(java.util.Objects::nonNull)
                .toList();
        asked.forEach(key -> known.addObject().put("key", key.name()).put("readonly", key.readonly())
                .put("value", key.value()));
        if (!known.isEmpty()) {
            answer.set("configurationKey", known);
        }
        if (!unknown.isEmpty()) {
            answer.set("unknownKey", unknown);
        }
        return new Answered(answer, null);
    }

    private Answered changeConfiguration(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("key", "value"));
        String key = request.string("key", 50);
        String value = request.string("value", 500);
        ChargerConfiguration.Change change = configuration.change(key, value);
        if (change == ChargerConfiguration.Change.Accepted) {
            synchronized (this) {
                Instant now = clock.instant();
                if (key.equals(ChargerConfiguration.HEARTBEAT_INTERVAL) && nextHeartbeat != null) {
                    nextHeartbeat = now.plusSeconds(Math.max(1, Integer.parseInt(value)));
                }
                if (key.equals(ChargerConfiguration.METER_VALUE_SAMPLE_INTERVAL) && nextMeterValues != null) {
                    nextMeterValues = now.plusSeconds(Integer.parseInt(value));
                }
            }
        }
        return Answered.status(change.name(), null);
    }

    private Answered unlockConnector(ObjectNode payload) {
        int connectorId = new RequestPayload(payload, Set.of("connectorId")).integer("connectorId");
        if (connectorId != CONNECTOR) {
            return Answered.status("NotSupported", null);
        }
        return Answered.status("Unlocked", () -> stopTransaction("UnlockCommand", true));
    }

    private Answered remoteStart(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("connectorId", "idTag", "chargingProfile"));
        Integer connectorId = request.optionalInteger("connectorId");
        String idTag = request.string("idTag", 20);
        synchronized (this) {
            if ((connectorId != null && connectorId != CONNECTOR) || faulted || inoperative || starting
                    || transactionId != null) {
                return Answered.status("Rejected", null);
            }
        }
        return Answered.status("Accepted", () -> startTransaction(idTag));
    }

    private Answered remoteStop(ObjectNode payload) {
        int id = new RequestPayload(payload, Set.of("transactionId")).integer("transactionId");
        synchronized (this) {
            if (transactionId == null || transactionId != id) {
                return Answered.status("Rejected", null);
            }
        }
        return Answered.status("Accepted", () -> stopTransaction("Remote", true));
    }

    private Answered getDiagnostics(ObjectNode payload) {
        new RequestPayload(payload, Set.of("location", "retries", "retryInterval", "startTime", "stopTime"))
                .string("location", Integer.MAX_VALUE);
        String fileName = "diagnostics-" + spec.chargePointId() + ".log";
        ObjectNode answer = NODES.objectNode().put("fileName", fileName.length() > 255 ? "diagnostics.log" : fileName);
        return new Answered(answer, () -> {
            call("DiagnosticsStatusNotification", NODES.objectNode().put("status", "Uploading"));
            call("DiagnosticsStatusNotification", NODES.objectNode().put("status", "Uploaded"));
        });
    }

    /**
     * Connector 0 (the charge point) or 1: Inoperative makes it Unavailable (no local or remote sessions), or
     * Scheduled while a transaction runs (Unavailable once it ends); Operative makes it Available again. Other
     * connectors are Rejected. The availability survives reboots.
     */
    private Answered changeAvailability(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("connectorId", "type"));
        int connectorId = request.integer("connectorId");
        boolean toInoperative = request.oneOf("type", List.of("Inoperative", "Operative")).equals("Inoperative");
        if (connectorId < 0 || connectorId > CONNECTOR) {
            return Answered.status("Rejected", null);
        }
        synchronized (this) {
            if (toInoperative && (transactionId != null || starting)) {
                inoperativeScheduled = true;
                return Answered.status("Scheduled", null);
            }
            inoperativeScheduled = false;
            if (inoperative == toInoperative) {
                return Answered.status("Accepted", null);
            }
            inoperative = toInoperative;
            if (!faulted) {
                status = idleStatus();
                if (!toInoperative) {
                    nextSession = clock.instant().plus(spec.pattern().idle());
                }
            }
        }
        return Answered.status("Accepted", this::reportStatuses);
    }

    /** The charger keeps no authorization cache, so there is nothing to clear and clearing succeeds. */
    private Answered clearCache(ObjectNode payload) {
        new RequestPayload(payload, Set.of());
        return Answered.status("Accepted", null);
    }

    /** The charger knows no vendor-specific extensions. */
    private Answered dataTransfer(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("vendorId", "messageId", "data"));
        request.string("vendorId", 255);
        request.optionalString("messageId", 50);
        request.optionalString("data", Integer.MAX_VALUE);
        return Answered.status("UnknownVendorId", null);
    }

    private Answered updateFirmware(ObjectNode payload) {
        RequestPayload request = new RequestPayload(payload, Set.of("location", "retries", "retrieveDate",
                "retryInterval"));
        request.string("location", Integer.MAX_VALUE);
        request.dateTime("retrieveDate");
        return new Answered(NODES.objectNode(), () -> {
            for (String state : List.of("Downloading", "Downloaded", "Installing", "Installed")) {
                call("FirmwareStatusNotification", NODES.objectNode().put("status", state));
            }
        });
    }

    @Override
    public void close() {
        OcppWebSocket old;
        synchronized (this) {
            closed = true;
            if (ticking != null) {
                ticking.cancel(false);
            }
            old = socket;
            socket = null;
        }
        calls.failAll(new IllegalStateException("charger closed"));
        if (old != null) {
            old.close();
        }
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
