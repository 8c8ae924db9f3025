package io.fleetcare.simulator.fleet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.simulator.mqtt.MqttDeviceLink;
import io.fleetcare.simulator.scenario.ScenarioSetTopBox;
import io.fleetcare.simulator.stb.SetTopBoxCommands;
import io.fleetcare.simulator.stb.SetTopBoxSignals;
import io.fleetcare.simulator.stb.SetTopBoxTelemetry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link FleetPlan} against an MQTT broker: every device connects as itself and publishes
 * telemetry at a fixed interval until {@link #close()}. Remembers what each device sent so that a
 * test can replay it byte for byte. Every device obeys the platform's commands ({@link SetTopBoxCommands}):
 * a REBOOT drops its connection for {@link ScenarioSetTopBox#BOOT_TIME}, then it reports a REBOOT event
 * (reason {@code REMOTE_COMMAND}) and its uptime starts from zero.
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
    private final Map<String, Box> boxes = new LinkedHashMap<>();
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
        for (SimulatedDevice device : plan.devices()) {
            Box box = new Box(device);
            boxes.put(device.deviceId(), box);
            sent.put(device.deviceId(), new ArrayDeque<>());
            links.put(device.deviceId(), MqttDeviceLink.connect(serverUri, device.deviceId(), device.secret(),
                    body -> {
                        SetTopBoxCommands.Reply reply = box.commands.answer(body);
                        return new MqttDeviceLink.Answer(reply.bytes(), reply.afterwards());
                    }, scheduler));
            box.schedule(Duration.ZERO, interval);
        }
        LOG.info("simulated fleet of {} set-top boxes publishing every {} to {}: {}",
                plan.devices().size(), interval, serverUri, plan.devices());
    }

    /** One set-top box of the fleet: its signals, its uptime and its answers to commands. */
    private final class Box {
        private final SimulatedDevice device;
        private final SetTopBoxSignals signals;
        private final SetTopBoxCommands commands;
        private final AtomicLong seq = new AtomicLong();
        private final AtomicLong eventSeq = new AtomicLong();
        private final Instant poweredOnAt = clock.instant();
        private volatile Instant bootedAt = poweredOnAt;
        private volatile boolean booting;
        private volatile Map<String, Double> lastReadings = Map.of();
        private ScheduledFuture<?> ticking;

        Box(SimulatedDevice device) {
            this.device = device;
            this.signals = new SetTopBoxSignals(device.seed(), device.overheating());
            this.commands = new SetTopBoxCommands(device.deviceId(), device.model(), interval,
                    new SetTopBoxCommands.Box() {
                        @Override
                        public Map<String, Double> lastReadings() {
                            return lastReadings;
                        }

                        @Override
                        public void reboot() {
                            powerCycle();
                        }

                        @Override
                        public void telemetryIntervalChanged(Duration newInterval) {
                            schedule(newInterval, newInterval);
                        }
                    }, clock);
        }

        synchronized void schedule(Duration firstAfter, Duration every) {
            if (ticking != null) {
                ticking.cancel(false);
            }
            ticking = scheduler.scheduleAtFixedRate(this::tick, firstAfter.toMillis(), every.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private void tick() {
            if (paused || booting) {
                return;
            }
            Instant now = clock.instant();
            // the overheating fault follows time since power-on; the reported uptime restarts with every reboot
            Map<String, Double> metrics = signals.sample(Duration.between(poweredOnAt, now));
            metrics.put("uptime_s", (double) Duration.between(bootedAt, now).toSeconds());
            lastReadings = Map.copyOf(metrics);
            byte[] payload = new SetTopBoxTelemetry(now, seq.incrementAndGet(), device.model(), metrics).toJson();
            remember(device.deviceId(), payload);
            publish(device.deviceId(), "telemetry", payload);
        }

        private void powerCycle() {
            LOG.info("set-top box {} reboots on the platform's command", device.deviceId());
            booting = true;
            links.get(device.deviceId()).restart(ScenarioSetTopBox.BOOT_TIME, scheduler, () -> {
                Instant now = clock.instant();
                bootedAt = now;
                booting = false;
                commands.note("INFO", "boot: firmware " + SetTopBoxCommands.FIRMWARE + " after a remote reboot");
                ObjectNode event = JsonNodeFactory.instance.objectNode()
                        .put("ts", now.truncatedTo(ChronoUnit.MILLIS).toString())
                        .put("seq", eventSeq.incrementAndGet())
                        .put("type", "SET_TOP_BOX")
                        .put("model", device.model())
                        .put("event", "REBOOT")
                        .put("reason", "REMOTE_COMMAND");
                publish(device.deviceId(), "events", event.toString().getBytes(StandardCharsets.UTF_8));
            });
        }
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

    private void publish(String deviceId, String channel, byte[] payload) {
        try {
            links.get(deviceId).publish(channel, payload);
            published.incrementAndGet();
        } catch (MqttException | RuntimeException e) {
            failed.incrementAndGet();
            LOG.warn("device {} could not publish {}: {}", deviceId, channel, e.getMessage());
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
        copy.forEach(payload -> publish(deviceId, "telemetry", payload));
        return copy.size();
    }

    /** Stops the devices' periodic telemetry but keeps them connected, e.g. to replay alone. */
    public void pause() {
        paused = true;
    }

    public FleetPlan plan() {
        return plan;
    }

    /** Telemetry messages (and REBOOT events) handed to the MQTT client so far. */
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
