package io.fleetcare.gateway.app;

import io.fleetcare.events.Topics;
import io.fleetcare.gateway.modbus.ModbusSitePeer;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.infra.net.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An in-process Kafka (telemetry, commands and command results on one partition each) and two Modbus TCP sites
 * (j2mod slaves behind a relay the test can cut): site A serves charger {@link #CHARGER} (unit 1, built-in
 * {@code charger-default} profile) and energy meter {@link #METER} (unit 2, profile file {@code meter-test}, all
 * low word first); site B serves charger {@link #STOPPING_CHARGER}, which the offline test stops and starts; site C
 * (status ok) is in no file: its devices come through the registry topics, which exist compacted. Every
 * device is polled each {@link #POLL_INTERVAL_MILLIS} ms. No MQTT broker: the gateway's MQTT client keeps retrying
 * in the background, which the Modbus path does not need.
 */
public class ModbusInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String CHARGER = "CP-M-1";
    public static final String CHARGER_MODEL = "AC-22-MB";
    public static final String METER = "EM-1";
    public static final String STOPPING_CHARGER = "CP-M-2";
    public static final long POLL_INTERVAL_MILLIS = 2000;

    /** Charger registers: status 1, -12.5 °C, 230.4 V, 16.07 A, 3,221,225,473 Wh, 7200.5 W, setpoint 16 A. */
    static final Map<Integer, Integer> CHARGER_REGISTERS = Map.of(0, 1, 1, 0xFF83, 2, 2304, 3, 1607,
            4, 0xC000, 5, 0x0001, 6, 0x45E1, 7, 0x0400, 10, 16);
    /** Meter registers, low word first: 4,000,000,000 Wh, -1234.5 W (int32 x10), 49.98 Hz (float32). */
    static final Map<Integer, Integer> METER_REGISTERS = Map.of(0, 0x2800, 1, 0xEE6B, 2, 0xCFC7, 3, 0xFFFF,
            4, 0xEB85, 5, 0x4247);

    private static ModbusSitePeer siteA;
    private static ModbusSitePeer siteB;
    private static ModbusSitePeer siteC;

    private Path workDir;
    private EmbeddedKafka kafka;

    /** The site of {@link #CHARGER} and {@link #METER}. */
    public static ModbusSitePeer siteA() {
        return siteA;
    }

    /** The site of {@link #STOPPING_CHARGER}. */
    public static ModbusSitePeer siteB() {
        return siteB;
    }

    /** A site whose unit 1 holds the charger registers with status 0 (ok) and is in no devices file. */
    public static ModbusSitePeer siteC() {
        return siteC;
    }

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("device-gateway-modbus-it");
            kafka = EmbeddedKafka.start();
            kafka.createTopics(1, Topics.DEVICE_TELEMETRY, Topics.DEVICE_COMMANDS, Topics.DEVICE_COMMAND_RESULTS);
            siteA = new ModbusSitePeer().unit(1, CHARGER_REGISTERS).unit(2, METER_REGISTERS).start();
            siteB = new ModbusSitePeer().unit(1, CHARGER_REGISTERS).start();
            Map<Integer, Integer> ok = new HashMap<>(CHARGER_REGISTERS);
            ok.put(0, 0);
            siteC = new ModbusSitePeer().unit(1, ok).start();
            kafka.createCompactedTopics(1, Topics.MODBUS_DEVICES, Topics.MODBUS_REGISTER_MAPS);
            Path profile = workDir.resolve("meter-test.yaml");
            Files.writeString(profile, """
                    name: meter-test
                    registers:
                      - {name: energy_wh, address: 0, type: uint32, wordOrder: low-word-first, unit: Wh}
                      - {name: net_power_w, address: 2, type: int32, wordOrder: low-word-first, scale: 0.1, unit: W}
                      - {name: frequency_hz, address: 4, type: float32, wordOrder: low-word-first, unit: Hz}
                    """);
            Path devices = workDir.resolve("modbus-devices.yaml");
            Files.writeString(devices, """
                    devices:
                      - {deviceId: %s, host: 127.0.0.1, port: %d, unitId: 1, model: %s, pollInterval: PT%sS}
                      - {deviceId: %s, host: 127.0.0.1, port: %d, unitId: 2, model: EM-3PH, deviceType: ENERGY_METER,
                         profile: meter-test, pollInterval: PT%sS}
                      - {deviceId: %s, host: 127.0.0.1, port: %d, pollInterval: PT%sS}
                    """.formatted(CHARGER, siteA.port(), CHARGER_MODEL, seconds(), METER, siteA.port(), seconds(),
                    STOPPING_CHARGER, siteB.port(), seconds()));
            return Map.of(
                    "kafka.bootstrap.servers", kafka.bootstrapServers(),
                    "fleetcare.ocpp.charger-file", workDir.resolve("no-chargers.properties").toString(),
                    "fleetcare.mqtt.server-uri", "tcp://127.0.0.1:" + FreePorts.pick(),
                    "fleetcare.commands.mqtt-enabled", "false",
                    "fleetcare.modbus.devices-file", devices.toString(),
                    "fleetcare.modbus.profile-files", profile.toString(),
                    "fleetcare.modbus.timeout", "PT1S",
                    "fleetcare.modbus.max-backoff", "PT4S");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (siteA != null) {
            siteA.close();
        }
        if (siteB != null) {
            siteB.close();
        }
        if (siteC != null) {
            siteC.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is harmless
            }
        }
    }

    private static String seconds() {
        return String.valueOf(POLL_INTERVAL_MILLIS / 1000.0);
    }
}
