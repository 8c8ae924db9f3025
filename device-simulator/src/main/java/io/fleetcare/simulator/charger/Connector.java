package io.fleetcare.simulator.charger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.simulator.ocpp.OutgoingCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charger's one connector and the charge point around it as a state machine: booted or not, Available /
 * Preparing / Charging / Faulted / Unavailable, the running transaction, the sudden fault and the availability
 * the central system set. Every transition reports itself with the calls of {@link ChargePointCalls}; the
 * {@link #tick()} turns what the {@link ChargerSchedule} says is due into transitions and messages.
 * Thread-safe: the state and the schedule are guarded by this object's lock, and no call is sent while holding it.
 */
final class Connector {

    static final int ID = 1;

    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
    private static final String LOCAL_ID_TAG = "LOCAL-0001";

    /** What a ChangeAvailability did. */
    enum AvailabilityChange { SCHEDULED, UNCHANGED, CHANGED }

    private final ChargerSpec spec;
    private final Clock clock;
    private final Instant startedAt;
    private final ChargerSignals signals;
    private final ChargerConfiguration configuration;
    private final ChargerSchedule schedule;
    private final ChargePointCalls send;
    private final OutgoingCalls calls;
    private final ChargerConnection connection;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong boots = new AtomicLong();

    private boolean booted;
    private String status = "Available";
    private boolean faulted;
    /** When the sudden fault actually began (the first tick after its time, once booted); null before. */
    private Instant faultBeganAt;
    private boolean starting;
    private Integer transactionId;
    private String transactionIdTag;
    private boolean inoperative;
    private boolean inoperativeScheduled;

    Connector(ChargerSpec spec, Clock clock, ChargerConfiguration configuration, ChargePointCalls send,
              OutgoingCalls calls, ChargerConnection connection, ScheduledExecutorService scheduler) {
        this.spec = spec;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.signals = new ChargerSignals(spec.seed(), spec.overheating(), spec.ratedPowerW());
        this.configuration = configuration;
        this.schedule = new ChargerSchedule(spec.pattern());
        this.send = send;
        this.calls = calls;
        this.connection = connection;
        this.scheduler = scheduler;
    }

    long boots() {
        return boots.get();
    }

    synchronized Integer transactionId() {
        return transactionId;
    }

    synchronized String status() {
        return status;
    }

    synchronized boolean isBooted() {
        return booted;
    }

    // ---- boot and status ------------------------------------------------------------------------------

    /** Sends a BootNotification; retries after the answer's interval when not Accepted, after 5 s when it failed. */
    void boot() {
        send.bootNotification().whenComplete((answer, failure) -> {
            if (failure == null && "Accepted".equals(answer.path("status").asText())) {
                booted(answer.path("interval").asInt(0));
            } else {
                int retry = failure == null ? Math.max(1, answer.path("interval").asInt(10)) : 5;
                scheduler.schedule(this::boot, retry, TimeUnit.SECONDS);
            }
        });
    }

    private void booted(int intervalSeconds) {
        synchronized (this) {
            booted = true;
            if (intervalSeconds > 0) {
                configuration.set(ChargerConfiguration.HEARTBEAT_INTERVAL, Integer.toString(intervalSeconds));
            }
            schedule.booted(clock.instant(), configuration.integer(ChargerConfiguration.HEARTBEAT_INTERVAL),
                    spec.meterValueInterval(), transactionId != null);
        }
        boots.incrementAndGet();
        LOG.info("charger {} booted; heartbeat every {} s", spec.chargePointId(), intervalSeconds);
        reportStatuses();
    }

    /** Reset: stops a transaction, then drops the connection, connects again and boots. */
    void reboot(String type) {
        LOG.info("charger {} reboots ({} reset)", spec.chargePointId(), type);
        stopTransaction(type + "Reset", false).whenComplete((r, e) -> {
            synchronized (this) {
                booted = false;
                if (!faulted) {
                    status = idleStatus();
                }
            }
            connection.reboot(() -> calls.failAll(new IllegalStateException("rebooting")));
        });
    }

    /** StatusNotification for connector 0 (the charge point) and the connector. */
    void reportStatuses() {
        reportChargePoint();
        reportConnector();
    }

    void reportChargePoint() {
        send.statusNotification(0, idleStatus(), "NoError", null);
    }

    void reportConnector() {
        String current;
        boolean isFaulted;
        synchronized (this) {
            current = status;
            isFaulted = faulted;
        }
        if (isFaulted) {
            send.statusNotification(ID, "Faulted", spec.suddenFault().errorCode(),
                    spec.suddenFault().vendorErrorCode());
        } else {
            send.statusNotification(ID, current, "NoError", null);
        }
    }

    /** See {@link SimulatedCharger#reportPassingError(String)}; the code is checked there. */
    void reportPassingError(String errorCode) {
        String state;
        synchronized (this) {
            if (!booted || !connection.isOpen()) {
                return;
            }
            state = status;
        }
        scheduler.execute(() -> {
            send.statusNotification(ID, state, errorCode, null);
            send.statusNotification(ID, state, "NoError", null);
        });
    }

    /** The status of a connector that is neither charging nor faulted: Available, or Unavailable when inoperative. */
    private synchronized String idleStatus() {
        return inoperative ? "Unavailable" : "Available";
    }

    void meterValues(String context) {
        ChargerReading reading;
        Integer transaction;
        synchronized (this) {
            reading = read();
            transaction = transactionId;
        }
        send.meterValues(ID, transaction, reading, context);
    }

    private synchronized ChargerReading read() {
        return signals.sample(Duration.between(startedAt, clock.instant()), "Charging".equals(status));
    }

    // ---- what the central system may ask -------------------------------------------------------------

    /** Whether a RemoteStartTransaction for {@code connectorId} (null: any) can start now. */
    synchronized boolean acceptsRemoteStart(Integer connectorId) {
        return !((connectorId != null && connectorId != ID) || faulted || inoperative || starting
                || transactionId != null);
    }

    synchronized boolean runs(int transaction) {
        return transactionId != null && transactionId == transaction;
    }

    /**
     * Inoperative makes the connector Unavailable (no local or remote sessions), or is scheduled while a transaction
     * runs (Unavailable once it ends); Operative makes it Available again. It survives reboots.
     */
    synchronized AvailabilityChange changeAvailability(boolean toInoperative) {
        if (toInoperative && (transactionId != null || starting)) {
            inoperativeScheduled = true;
            return AvailabilityChange.SCHEDULED;
        }
        inoperativeScheduled = false;
        if (inoperative == toInoperative) {
            return AvailabilityChange.UNCHANGED;
        }
        inoperative = toInoperative;
        if (!faulted) {
            status = idleStatus();
            if (!toInoperative) {
                schedule.idleFrom(clock.instant());
            }
        }
        return AvailabilityChange.CHANGED;
    }

    /** An accepted ChangeConfiguration of {@code key}: a new interval applies at once. */
    synchronized void configurationChanged(String key, String value) {
        Instant now = clock.instant();
        if (key.equals(ChargerConfiguration.HEARTBEAT_INTERVAL)) {
            schedule.heartbeatIntervalChanged(now, Integer.parseInt(value));
        }
        if (key.equals(ChargerConfiguration.METER_VALUE_SAMPLE_INTERVAL)) {
            schedule.meterValueIntervalChanged(now, Integer.parseInt(value));
        }
    }

    // ---- transactions ---------------------------------------------------------------------------------

    void startTransaction(String idTag) {
        int meterStart;
        synchronized (this) {
            if (starting || transactionId != null || faulted || inoperative) {
                return;
            }
            starting = true;
            meterStart = (int) read().energyWh();
            status = "Preparing";
        }
        send.statusNotification(ID, "Preparing", "NoError", null);
        send.startTransaction(ID, idTag, meterStart).whenComplete((answer, failure) -> {
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
                    schedule.sessionStarted(clock.instant());
                } else if (!faulted) {
                    status = idleStatus();
                    schedule.idleFrom(clock.instant());
                }
            }
            if (faultedMeanwhile) {
                if (accepted) {
                    stopTransaction("Other", false);
                }
            } else if (accepted) {
                send.statusNotification(ID, "Charging", "NoError", null);
            } else {
                send.statusNotification(ID, idleStatus(), "NoError", null);
            }
        });
    }

    /** Ends the running transaction; returns when the central system answered, or at once when none runs. */
    CompletableFuture<?> stopTransaction(String reason, boolean reportFinishing) {
        int stopping;
        String idTag;
        int meterStop;
        synchronized (this) {
            if (transactionId == null) {
                return CompletableFuture.completedFuture(null);
            }
            meterStop = (int) read().energyWh();
            stopping = transactionId;
            idTag = transactionIdTag;
            transactionId = null;
            transactionIdTag = null;
            schedule.sessionEnded(clock.instant());
            if (inoperativeScheduled) {
                inoperativeScheduled = false;
                inoperative = true;
            }
            if (reportFinishing) {
                status = idleStatus();
            }
        }
        CompletableFuture<ObjectNode> stopped = send.stopTransaction(stopping, idTag, meterStop, reason);
        if (reportFinishing) {
            send.statusNotification(ID, "Finishing", "NoError", null);
            send.statusNotification(ID, idleStatus(), "NoError", null);
        }
        return stopped;
    }

    // ---- time -----------------------------------------------------------------------------------------

    /** Does what is due now: the sudden fault or its recovery, a vehicle arriving or leaving, meter values, heartbeat. */
    void tick() {
        Instant now = clock.instant();
        Duration sinceStart = Duration.between(startedAt, now);
        boolean heartbeatDue;
        boolean meterValuesDue;
        boolean sessionDue;
        boolean sessionOver;
        boolean faultBegins;
        boolean faultEnds;
        synchronized (this) {
            if (!booted || !connection.isOpen()) {
                return;
            }
            SuddenFault sudden = spec.suddenFault();
            // the fault plays out in full even when the charger booted late or a tick came late: it begins at the
            // first tick past its time and lasts its whole length from then
            faultBegins = sudden != null && faultBeganAt == null && sudden.dueAt(sinceStart);
            faultEnds = faulted && sudden.recoversAfter() != null
                    && !now.isBefore(faultBeganAt.plus(sudden.recoversAfter()));
            boolean faultActive = faulted || faultBegins;
            heartbeatDue = schedule.heartbeatDue(now, configuration.integer(ChargerConfiguration.HEARTBEAT_INTERVAL));
            meterValuesDue = schedule.meterValuesDue(now,
                    configuration.integer(ChargerConfiguration.METER_VALUE_SAMPLE_INTERVAL));
            sessionDue = !faultActive && !inoperative && transactionId == null && !starting
                    && schedule.sessionDue(now);
            sessionOver = transactionId != null && schedule.sessionOver(now);
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
            send.heartbeat();
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
        send.statusNotification(ID, "Faulted", fault.errorCode(), fault.vendorErrorCode());
    }

    private void recover() {
        LOG.info("charger {} recovered", spec.chargePointId());
        synchronized (this) {
            faulted = false;
            status = idleStatus();
            schedule.idleFrom(clock.instant());
        }
        send.statusNotification(ID, idleStatus(), "NoError", null);
    }
}
