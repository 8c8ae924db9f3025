package io.fleetcare.simulator.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.simulator.coap.CoapDeviceLink;
import io.fleetcare.simulator.mqtt.MqttDeviceLink;
import io.fleetcare.simulator.scenario.Scenario.ScenarioDevice;
import io.fleetcare.simulator.stb.SetTopBoxCommands;
import io.fleetcare.simulator.stb.SetTopBoxSignals;
import io.fleetcare.simulator.stb.SetTopBoxTelemetry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set-top box of a scenario over MQTT or CoAP: healthy signals from {@link SetTopBoxSignals}, with the faults of
 * the timeline laid over them from their onset, REBOOT and ERROR events on {@code devices/{id}/events} (CoAP:
 * {@code POST /devices/{id}/events}). Also the set-top box of the load mode.
 *
 * <p>Over MQTT it obeys the platform's commands ({@link SetTopBoxCommands}): a REBOOT drops the connection, keeps
 * quiet for {@link #BOOT_TIME} and comes back with uptime from zero and a REBOOT event (reason
 * {@code REMOTE_COMMAND}); a new {@code telemetry_interval_s} applies from the next message. Over CoAP the
 * contract has no way to reach the box, so a CoAP box sends only.
 */
public final class ScenarioSetTopBox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioSetTopBox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a box commanded to reboot stays away before it connects and reports again. */
    public static final Duration BOOT_TIME = Duration.ofSeconds(2);

    private final ScenarioDevice device;
    private volatile Uplink link;
    private final ScheduledExecutorService scheduler;
    private final Clock clock = Clock.systemUTC();
    private final SetTopBoxSignals signals;
    private final List<Onset> faults = new CopyOnWriteArrayList<>();
    private final AtomicLong telemetrySeq = new AtomicLong();
    private final AtomicLong eventSeq = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final SetTopBoxCommands commands;
    private volatile Instant bootedAt;
    private volatile boolean silent;
    private volatile boolean booting;
    private volatile Map<String, Double> lastReadings = Map.of();
    private volatile Duration interval;
    private ScheduledFuture<?> ticking;

    private record Onset(Fault fault, Instant at) {
        double seconds(Instant now) {
            return Math.max(0, Duration.between(at, now).toMillis() / 1000.0);
        }
    }

    /** How the box reaches the platform: a channel ({@code telemetry}, {@code events}) and a JSON body. */
    private interface Uplink extends AutoCloseable {
        void send(String channel, byte[] json) throws Exception;

        /** Off for {@code down}, then on again; {@code afterwards} runs once it can send again. */
        void restart(Duration down, Runnable afterwards);

        /** Messages the platform refused or did not answer after they were sent (CoAP); 0 over MQTT. */
        default long refusedLater() {
            return 0;
        }

        @Override
        void close();
    }

    private ScenarioSetTopBox(ScenarioDevice device, Duration interval, ScheduledExecutorService scheduler) {
        this.device = device;
        this.interval = interval;
        this.scheduler = scheduler;
        this.signals = new SetTopBoxSignals(device.seed(), null);
        this.bootedAt = clock.instant();
        this.commands = new SetTopBoxCommands(device.id(), device.group().model(), interval, new SetTopBoxCommands.Box() {
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
                changeInterval(newInterval);
            }
        }, clock);
    }

    /**
     * Connects as the device and publishes telemetry every {@code interval} on {@code scheduler}.
     *
     * @throws MqttException when the broker refuses the device or cannot be reached
     */
    static ScenarioSetTopBox start(ScenarioDevice device, String secret, String mqttUri, Duration interval,
                                   ScheduledExecutorService scheduler) throws MqttException {
        return start(device, secret, mqttUri, interval, Duration.ZERO, scheduler);
    }

    /**
     * Connects as the device, takes the platform's commands on {@code devices/{id}/commands} and publishes
     * telemetry every {@code interval}, the first after {@code firstAfter}, on {@code scheduler} (which the caller
     * owns and may share between many boxes; commands are handled there too).
     *
     * @throws MqttException when the broker refuses the device or cannot be reached
     */
    public static ScenarioSetTopBox start(ScenarioDevice device, String secret, String mqttUri, Duration interval,
                                          Duration firstAfter, ScheduledExecutorService scheduler)
            throws MqttException {
        ScenarioSetTopBox box = new ScenarioSetTopBox(device, interval, scheduler);
        MqttDeviceLink mqtt = MqttDeviceLink.connect(mqttUri, device.id(), secret, body -> {
            SetTopBoxCommands.Reply reply = box.commands.answer(body);
            return new MqttDeviceLink.Answer(reply.bytes(), reply.afterwards());
        }, scheduler);
        box.link = new Uplink() {
            @Override
            public void send(String channel, byte[] json) throws MqttException {
                mqtt.publish(channel, json);
            }

            @Override
            public void restart(Duration down, Runnable afterwards) {
                mqtt.restart(down, scheduler, afterwards);
            }

            @Override
            public void close() {
                mqtt.close();
            }
        };
        return scheduled(box, firstAfter);
    }

    /**
     * Posts telemetry over CoAP with DTLS-PSK (identity = device id, key = its secret) every {@code interval},
     * the first after {@code firstAfter}, on {@code scheduler} (owned by the caller).
     *
     * @param coapsUri the gateway's DTLS endpoint, e.g. {@code coaps://127.0.0.1:5684}
     * @throws java.io.IOException when the local CoAP endpoint cannot start
     */
    public static ScenarioSetTopBox startOverCoap(ScenarioDevice device, String secret, String coapsUri,
                                                  Duration interval, Duration firstAfter,
                                                  ScheduledExecutorService scheduler) throws java.io.IOException {
        CoapDeviceLink coap = CoapDeviceLink.open(coapsUri, device.id(), secret);
        ScenarioSetTopBox box = new ScenarioSetTopBox(device, interval, scheduler);
        box.link = new Uplink() {
            @Override
            public void send(String channel, byte[] json) {
                coap.post(channel, json);
            }

            @Override
            public void restart(Duration down, Runnable afterwards) {
                scheduler.schedule(afterwards, down.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public long refusedLater() {
                return coap.refused();
            }

            @Override
            public void close() {
                coap.close();
            }
        };
        return scheduled(box, firstAfter);
    }

    private static ScenarioSetTopBox scheduled(ScenarioSetTopBox box, Duration firstAfter) {
        synchronized (box) {
            box.ticking = box.scheduler.scheduleAtFixedRate(box::tick, firstAfter.toMillis(),
                    box.interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return box;
    }

    private synchronized void changeInterval(Duration newInterval) {
        interval = newInterval;
        if (ticking != null && !silent) {
            ticking.cancel(false);
            ticking = scheduler.scheduleAtFixedRate(this::tick, newInterval.toMillis(), newInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** A reboot the platform asked for: away for {@link #BOOT_TIME}, then uptime from zero and a REBOOT event. */
    private void powerCycle() {
        if (silent) {
            return;
        }
        LOG.info("set-top box {} reboots on the platform's command", device.id());
        booting = true;
        link.restart(BOOT_TIME, () -> {
            bootedAt = clock.instant();
            booting = false;
            commands.note("INFO", "boot: firmware " + SetTopBoxCommands.FIRMWARE + " after a remote reboot");
            event(event("REBOOT").put("reason", "REMOTE_COMMAND"));
        });
    }

    /** Lets the fault begin now. */
    public void begin(Fault fault) {
        Instant now = clock.instant();
        if (fault instanceof Fault.RebootLoop loop) {
            for (int i = 0; i < loop.times(); i++) {
                scheduler.schedule(this::reboot, Math.round(i * loop.everySeconds() * 1000), TimeUnit.MILLISECONDS);
            }
        } else if (fault instanceof Fault.ErrorReport error) {
            commands.note("ERROR", error.code());
            event(event("ERROR").put("code", error.code()).put("detail", "reported by the scenario"));
        } else if (fault instanceof Fault.GoingSilent) {
            silent = true;
            synchronized (this) {
                ticking.cancel(false);
            }
            link.close();
        } else {
            faults.add(new Onset(fault, now));
        }
    }

    private void reboot() {
        if (silent) {
            return;
        }
        bootedAt = clock.instant();
        commands.note("ERROR", "watchdog reset");
        event(event("REBOOT").put("reason", "WATCHDOG"));
    }

    private ObjectNode event(String name) {
        return JSON.createObjectNode()
                .put("ts", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
                .put("seq", eventSeq.incrementAndGet())
                .put("type", "SET_TOP_BOX")
                .put("model", device.group().model())
                .put("event", name);
    }

    private void event(ObjectNode body) {
        publish("events", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void tick() {
        if (silent || booting) {
            return;
        }
        try {
            Instant now = clock.instant();
            Map<String, Double> metrics = signals.sample(Duration.between(bootedAt, now));
            for (Onset onset : faults) {
                apply(onset.fault(), onset.seconds(now), metrics);
            }
            lastReadings = Map.copyOf(metrics);
            publish("telemetry", new SetTopBoxTelemetry(now.truncatedTo(ChronoUnit.MILLIS),
                    telemetrySeq.incrementAndGet(), device.group().model(), metrics).toJson());
        } catch (RuntimeException e) {
            LOG.warn("set-top box {}: telemetry failed", device.id(), e);
        }
    }

    static void apply(Fault fault, double seconds, Map<String, Double> metrics) {
        if (fault instanceof Fault.CpuOverheating hot) {
            double c = metrics.get("cpu_temp_c");
            metrics.put("cpu_temp_c", round1(c + Math.min(seconds * hot.degreesPerSecond(),
                    Math.max(0, hot.plateauC() - c))));
        } else if (fault instanceof Fault.TemperatureFlapping flap) {
            metrics.put("cpu_temp_c",
                    ((long) Math.floor(seconds / flap.halfPeriodSeconds())) % 2 == 0 ? flap.highC() : flap.lowC());
        } else if (fault instanceof Fault.MemoryLeak leak) {
            metrics.put("mem_free_mb",
                    (double) Math.max(0, Math.round(metrics.get("mem_free_mb") - seconds * leak.mbPerSecond())));
        } else if (fault instanceof Fault.SignalDegradation fading) {
            metrics.put("tuner_snr_db", round1(metrics.get("tuner_snr_db") - seconds * fading.dbPerSecond()));
        }
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private void publish(String channel, byte[] payload) {
        try {
            link.send(channel, payload);
            sent.incrementAndGet();
        } catch (Exception e) {
            failed.incrementAndGet();
            LOG.warn("set-top box {} could not publish on {}: {}", device.id(), channel, e.getMessage());
        }
    }

    public String deviceId() {
        return device.id();
    }

    /** Messages handed to the MQTT or CoAP client. */
    public long sent() {
        return sent.get();
    }

    /** Messages the MQTT or CoAP client refused at once, and CoAP posts the gateway refused or did not answer. */
    public long failed() {
        return failed.get() + link.refusedLater();
    }

    @Override
    public void close() {
        silent = true;
        synchronized (this) {
            if (ticking != null) {
                ticking.cancel(false);
            }
        }
        link.close();
    }
}
