package io.fleetcare.simulator.fleet;

import io.fleetcare.simulator.mqtt.MqttDeviceLink;
import io.fleetcare.simulator.stb.SetTopBoxSignals;
import io.fleetcare.simulator.stb.SetTopBoxTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link FleetPlan} against an MQTT broker: every device connects as itself and publishes
 * telemetry at a fixed interval until {@link #close()}. Remembers what each device sent so that a
 * test can replay it byte for byte.
 */
public final class SimulatedFleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedFleet.class);
    private static final int REMEMBERED_PER_DEVICE = 1_000;

    private final FleetPlan plan;
    private final String serverUri;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<String, MqttDeviceLink> links = new LinkedHashMap<>();
    private final Map<String, Deque<byte[]>> sent = new LinkedHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean paused;

    private SimulatedFleet(FleetPlan plan, String serverUri, Duration interval, Clock clock) {
        this.plan = plan;
        this.serverUri = serverUri;
        this.interval = interval;
        this.clock = clock;
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "simulated-fleet");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects every device and starts publishing.
     *
     * @throws MqttException when a device cannot connect (for example a wrong secret)
     */
    public static SimulatedFleet start(FleetPlan plan, String serverUri, Duration interval) throws MqttException {
        SimulatedFleet fleet = new SimulatedFleet(plan, serverUri, interval, Clock.systemUTC());
        try {
            fleet.connectAndSchedule();
        } catch (MqttException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    private void connectAndSchedule() throws MqttException {
        Instant bootedAt = clock.instant();
        for (SimulatedDevice device : plan.devices()) {
            links.put(device.deviceId(), MqttDeviceLink.connect(serverUri, device.deviceId(), device.secret()));
            sent.put(device.deviceId(), new ArrayDeque<>());
            SetTopBoxSignals signals = new SetTopBoxSignals(device.seed(), device.overheating());
            AtomicLong seq = new AtomicLong();
            scheduler.scheduleAtFixedRate(() -> tick(device, signals, seq.incrementAndGet(), bootedAt),
                    0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.info("simulated fleet of {} set-top boxes publishing every {} to {}: {}",
                plan.devices().size(), interval, serverUri, plan.devices());
    }

    private void tick(SimulatedDevice device, SetTopBoxSignals signals, long seq, Instant bootedAt) {
        if (paused) {
            return;
        }
        Instant now = clock.instant();
        SetTopBoxTelemetry telemetry = new SetTopBoxTelemetry(now, seq, device.model(),
                signals.sample(Duration.between(bootedAt, now)));
        byte[] payload = telemetry.toJson();
        remember(device.deviceId(), payload);
        publish(device.deviceId(), payload);
    }

    private void remember(String deviceId, byte[] payload) {
        Deque<byte[]> log = sent.get(deviceId);
        synchronized (log) {
            if (log.size() == REMEMBERED_PER_DEVICE) {
                log.removeFirst();
            }
            log.addLast(payload);
        }
    }

    private void publish(String deviceId, byte[] payload) {
        try {
            links.get(deviceId).publish("telemetry", payload);
            published.incrementAndGet();
        } catch (MqttException | RuntimeException e) {
            failed.incrementAndGet();
            LOG.warn("device {} could not publish telemetry: {}", deviceId, e.getMessage());
        }
    }

    /** Publishes again, unchanged, every telemetry message the device has sent so far; returns how many. */
    public int replayTelemetry(String deviceId) {
        Deque<byte[]> log = sent.get(deviceId);
        if (log == null) {
            throw new IllegalArgumentException("no such simulated device: " + deviceId);
        }
        List<byte[]> copy;
        synchronized (log) {
            copy = new ArrayList<>(log);
        }
        copy.forEach(payload -> publish(deviceId, payload));
        return copy.size();
    }

    /** Stops the devices' periodic telemetry but keeps them connected, e.g. to replay alone. */
    public void pause() {
        paused = true;
    }

    public FleetPlan plan() {
        return plan;
    }

    /** Telemetry messages handed to the MQTT client so far. */
    public long published() {
        return published.get();
    }

    /** Telemetry messages the MQTT client refused to send. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        links.values().forEach(MqttDeviceLink::close);
    }
}
