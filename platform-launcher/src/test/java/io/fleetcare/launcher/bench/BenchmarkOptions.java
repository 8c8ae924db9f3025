package io.fleetcare.launcher.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run the gateway benchmark.
 *
 * @param mqttRate  MQTT telemetry messages per second, all devices together (each device every
 *                  {@code mqttDevices / mqttRate} s), in both phases
 * @param ocppRate  MeterValues CALLs per second, all sessions together
 * @param dataDir   null = a fresh temporary folder
 * @param firstSeconds in phase 2, offer the full rate from the moment the gateway is ready (no ramp) and print the
 *                     msg/s that arrive in each of these first seconds (cold start); 0 = the usual ramp
 * @param memory    memory mode: no raw phase; all sessions and devices on the gateway at the given rates for the
 *                  window, the OCPP sessions in a JVM of their own, then the gateway's heap after a full GC and its RSS
 */
record BenchmarkOptions(Path home, Path dataDir, int ocppSessions, int mqttDevices, double mqttRate, double ocppRate,
                        Duration warmup, Duration duration, int connectAtOnce, int ocppHttpClients,
                        List<String> gatewayJvmArgs, int firstSeconds, boolean memory) {

    static String usage() {
        return """
                Gateway benchmark: raw broker throughput, then the gateway's (MQTT and OCPP), on this machine.

                  --ocpp-sessions N     charge points on OCPP 1.6J (default 1000)
                  --mqtt-devices N      set-top boxes on MQTT, one connection each (default 10000)
                  --mqtt-rate R         MQTT telemetry messages/s, all devices together (default 2000)
                  --ocpp-rate R         MeterValues/s, all sessions together (default 200)
                  --duration S          measuring window per phase in seconds (default 60)
                  --warmup S            seconds over which the rate climbs to the full rate before each
                                        window; longer while a backlog drains (default 15)
                  --connect-at-once N   handshakes in flight while connecting (default 100; OCPP at most 50)
                  --ocpp-http-clients N JDK HTTP clients the OCPP sessions are spread over (default 4)
                  --gateway-jvm "ARGS"  the gateway JVM's options (default "-Xms512m -Xmx512m -XX:+UseSerialGC")
                  --first-seconds S     cold start: in phase 2 the full rate from the gateway's readiness on (no
                                        ramp), and the msg/s arriving in each of the first S seconds (default 0)
                  --memory              memory mode: no raw phase; every session and device on the gateway for the
                                        window (the OCPP sessions in a JVM of their own: one process may not
                                        hold 20,000 sockets here), then the gateway's heap after a full GC
                                        (jcmd GC.run, GC.heap_info, GC.class_histogram), its RSS and threads
                  --home DIR            project root where device-gateway was packaged (default .)
                  --data-dir DIR        state of the run (default: a new temporary folder)
                """;
    }

    /** Parses the command line; throws IllegalArgumentException on an unknown option or a bad value. */
    static BenchmarkOptions parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean memory = rest.remove("--memory");
        int sessions = Integer.parseInt(take(rest, "--ocpp-sessions", "1000"));
        int devices = Integer.parseInt(take(rest, "--mqtt-devices", "10000"));
        double mqttRate = Double.parseDouble(take(rest, "--mqtt-rate", "2000"));
        double ocppRate = Double.parseDouble(take(rest, "--ocpp-rate", "200"));
        long duration = Long.parseLong(take(rest, "--duration", "60"));
        long warmup = Long.parseLong(take(rest, "--warmup", "15"));
        int atOnce = Integer.parseInt(take(rest, "--connect-at-once", "100"));
        int clients = Integer.parseInt(take(rest, "--ocpp-http-clients", "4"));
        String jvm = take(rest, "--gateway-jvm", "-Xms512m -Xmx512m -XX:+UseSerialGC");
        Path home = Path.of(take(rest, "--home", "."));
        String data = take(rest, "--data-dir", null);
        int firstSeconds = Integer.parseInt(take(rest, "--first-seconds", "0"));
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + rest);
        }
        if (sessions < 0 || devices < 0 || mqttRate < 0 || ocppRate < 0 || duration < 1 || warmup < 0
                || atOnce < 1 || clients < 1 || firstSeconds < 0) {
            throw new IllegalArgumentException("counts and rates must not be negative, duration at least 1 s");
        }
        return new BenchmarkOptions(home, data == null ? null : Path.of(data), sessions, devices, mqttRate, ocppRate,
                Duration.ofSeconds(warmup), Duration.ofSeconds(duration), atOnce, clients,
                List.of(jvm.trim().split("\\s+")), firstSeconds, memory);
    }

    private static String take(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.remove(i + 1);
        args.remove(i);
        return value;
    }
}
