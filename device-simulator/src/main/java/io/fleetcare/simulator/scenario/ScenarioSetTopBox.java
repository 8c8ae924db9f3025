package io.fleetcare.simulator.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.simulator.coap.CoapDeviceLink;
import io.fleetcare.simulator.mqtt.MqttDeviceLink;
import io.fleetcare.simulator.scenario.Scenario.ScenarioDevice;
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
 */
public final class ScenarioSetTopBox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioSetTopBox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScenarioDevice device;
    private final Uplink link;
    private final ScheduledExecutorService scheduler;
    private final Clock clock = Clock.systemUTC();
    private final SetTopBoxSignals signals;
    private final List<Onset> faults = new CopyOnWriteArrayList<>();
    private final AtomicLong telemetrySeq = new AtomicLong();
    private final AtomicLong eventSeq = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Instant bootedAt;
    private volatile boolean silent;
    private ScheduledFuture<?> ticking;

    private record Onset(Fault fault, Instant at) {
        double seconds(Instant now) {
            return Math.max(0, Duration.between(at, now).toMillis() / 1000.0);
        }
    }

    /** How the box reaches the platform: a channel ({@code telemetry}, {@code events}) and a JSON body. */
    private interface Uplink extends AutoCloseable {
        void send(String channel, byte[] json) throws Exception;

        @Override
        void close();
    }

    private ScenarioSetTopBox(ScenarioDevice device, Uplink link, ScheduledExecutorService scheduler) {
        this.device = device;
        this.link = link;
        this.scheduler = scheduler;
        this.signals = new SetTopBoxSignals(device.seed(), null);
        this.bootedAt = clock.instant();
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
     * Connects as the device and publishes telemetry every {@code interval}, the first after {@code firstAfter},
     * on {@code scheduler} (which the caller owns and may share between many boxes).
     *
     * @throws MqttException when the broker refuses the device or cannot be reached
     */
    public static ScenarioSetTopBox start(ScenarioDevice device, String secret, String mqttUri, Duration interval,
                                          Duration firstAfter, ScheduledExecutorService scheduler)
            throws MqttException {
        MqttDeviceLink mqtt = MqttDeviceLink.connect(mqttUri, device.id(), secret);
        return scheduled(new ScenarioSetTopBox(device, new Uplink() {
            @Override
            public void send(String channel, byte[] json) throws MqttException {
                mqtt.publish(channel, json);
            }

            @Override
            public void close() {
                mqtt.close();
            }
        }, scheduler), interval, firstAfter);
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
        return scheduled(new ScenarioSetTopBox(device, new Uplink() {
            @Override
            public void send(String channel, byte[] json) {
                coap.post(channel, json);
            }

            @Override
            public void close() {
                coap.close();
            }
        }, scheduler), interval, firstAfter);
    }

    private static ScenarioSetTopBox scheduled(ScenarioSetTopBox box, Duration interval, Duration firstAfter) {
        box.ticking = box.scheduler.scheduleAtFixedRate(box::tick, firstAfter.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return box;
    }

    /** Lets the fault begin now. */
    public void begin(Fault fault) {
        Instant now = clock.instant();
        if (fault instanceof Fault.RebootLoop loop) {
            for (int i = 0; i < loop.times(); i++) {
                scheduler.schedule(this::reboot, Math.round(i * loop.everySeconds() * 1000), TimeUnit.MILLISECONDS);
            }
        } else if (fault instanceof Fault.ErrorReport error) {
            event(event("ERROR").put("code", error.code()).put("detail", "reported by the scenario"));
        } else if (fault instanceof Fault.GoingSilent) {
            silent = true;
            ticking.cancel(false);
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
        if (silent) {
            return;
        }
        try {
            Instant now = clock.instant();
            Map<String, Double> metrics = signals.sample(Duration.between(bootedAt, now));
            for (Onset onset : faults) {
                apply(onset.fault(), onset.seconds(now), metrics);
            }
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

    /** Messages the MQTT or CoAP client refused at once (CoAP refusals by the gateway are logged). */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        silent = true;
        if (ticking != null) {
            ticking.cancel(false);
        }
        link.close();
    }
}
