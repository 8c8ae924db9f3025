package io.fleetcare.stream.bench;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceStatus;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Telemetry of a healthy mixed fleet for the benchmark: half set-top boxes, half chargers, every
 * device reporting every 30 s of device time with readings that stay well inside every built-in
 * rule (noisy, so that no trend fits), plus charger faults to inject. Deterministic for a seed.
 */
final class BenchmarkFleet {

    static final Duration REPORT_INTERVAL = Duration.ofSeconds(30);
    static final String STB_MODEL = "STB-4K-200";
    static final String CHARGER_MODEL = "AC-22-DUO";

    private final int devices;
    private final Instant start;
    private final SplittableRandom random;

    /**
     * @param devices how many devices report, round-robin
     * @param start   device time of the first round
     * @param seed    seed of the readings and event ids
     */
    BenchmarkFleet(int devices, Instant start, long seed) {
        this.devices = devices;
        this.start = start;
        this.random = new SplittableRandom(seed);
    }

    static String deviceId(int device) {
        return (device % 2 == 0 ? "STB-B" : "CP-B") + String.format("%06d", device);
    }

    /** The {@code n}-th event of the fleet: round-robin over the devices, each one report further in device time. */
    DeviceEvent event(long n) {
        int device = (int) (n % devices);
        long round = n / devices;
        Instant ts = deviceTime(n).plusMillis(device % 1000);
        return device % 2 == 0 ? setTopBox(device, round, ts) : charger(device, round, ts);
    }

    /** Device time of the round that the {@code n}-th event belongs to. */
    Instant deviceTime(long n) {
        return start.plus(REPORT_INTERVAL.multipliedBy(n / devices));
    }

    /** A charger StatusNotification {@code Faulted / GroundFailure} of a device that sends nothing else. */
    static DeviceEvent fault(int number, Instant ts) {
        String deviceId = String.format("CP-FAULT%06d", number);
        return new DeviceEvent(UUID.nameUUIDFromBytes(deviceId.getBytes(StandardCharsets.UTF_8)).toString(),
                deviceId, DeviceType.EV_CHARGER, CHARGER_MODEL,
                Protocol.OCPP16, EventKind.STATUS, ts, ts, Map.of(),
                new DeviceStatus(1, "Faulted", "GroundFailure", "E42"), null);
    }

    private DeviceEvent setTopBox(int device, long round, Instant ts) {
        Map<String, Double> metrics = Map.of(
                "cpu_temp_c", 50 + random.nextDouble(-8, 8),
                "cpu_pct", 20 + random.nextDouble(0, 30),
                "mem_free_mb", 300 + random.nextDouble(-40, 40),
                "tuner_snr_db", 31 + random.nextDouble(-3, 3),
                "tuner_ber", 1e-7,
                "uptime_s", (double) round * REPORT_INTERVAL.toSeconds());
        return metrics(eventId(), deviceId(device), DeviceType.SET_TOP_BOX, STB_MODEL, Protocol.MQTT, ts, metrics);
    }

    private DeviceEvent charger(int device, long round, Instant ts) {
        Map<String, Double> metrics = Map.of(
                "connector.1.temperature_c", 35 + random.nextDouble(-6, 6),
                "connector.1.energy_wh", 1_000_000 + round * 40.0,
                "connector.1.power_w", 7_000 + random.nextDouble(-500, 500),
                "voltage_v", 230 + random.nextDouble(-3, 3));
        return metrics(eventId(), deviceId(device), DeviceType.EV_CHARGER, CHARGER_MODEL, Protocol.OCPP16, ts, metrics);
    }

    private String eventId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static DeviceEvent metrics(String eventId, String deviceId, DeviceType type, String model, Protocol protocol, Instant ts,
                                       Map<String, Double> metrics) {
        return new DeviceEvent(eventId, deviceId, type, model, protocol, EventKind.METRICS,
                ts, ts.plusMillis(120), metrics, null, null);
    }
}
