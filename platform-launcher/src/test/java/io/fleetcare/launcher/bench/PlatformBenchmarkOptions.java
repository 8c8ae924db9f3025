package io.fleetcare.launcher.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How to run the end-to-end platform benchmark ({@link PlatformBenchmark}).
 *
 * @param rates        total offered msg/s of each step of the ramp, all protocols together
 * @param mqttShare    the part of each step's rate sent by the MQTT set-top boxes
 * @param coapShare    the part sent by the CoAP set-top boxes; the rest is OCPP MeterValues
 * @param dataDir      null = a fresh temporary folder
 * @param childJvmOptions JVM options added to the platform's child JVMs (e.g. JDK Flight Recorder); may be empty
 */
record PlatformBenchmarkOptions(Path home, Path dataDir, int mqttDevices, int ocppSessions, int coapDevices,
                                  List<Integer> rates, double mqttShare, double coapShare, int stepSeconds,
                                  int faultsPerStep, int rawRate, int rawSeconds, int drainSeconds,
                                  int connectAtOnce, String childJvmOptions) {

    static String usage() {
        return """
                End-to-end benchmark of the embedded platform (broker, Kafka, PostgreSQL, Flink job, gateway, API).

                  --mqtt-devices N     MQTT set-top boxes, one connection each (default 3000)
                  --ocpp-sessions N    OCPP 1.6J chargers (default 1000)
                  --coap-devices N     CoAP (DTLS-PSK) set-top boxes (default 10)
                  --rates R1,R2,...    offered msg/s of the ramp's steps (default 1000,2000,3000,4000,5000,6000)
                  --mqtt-share F       part of each step's rate on MQTT (default 0.7)
                  --coap-share F       part on CoAP (default 0.02); the rest is OCPP MeterValues
                  --step S             seconds each step is held (default 180)
                  --faults N           charger faults injected per step, spread over it (default 4)
                  --raw-rate R         msg/s the devices offer in the raw broker baseline (default 14000)
                  --raw-seconds S      length of the baseline window (default 30)
                  --drain S            after a step, how long to wait at most for the store to catch up (default 180)
                  --connect-at-once N  handshakes in flight while connecting (default 100; OCPP at most 50)
                  --child-jvm "OPTS"   JVM options added to the gateway, job and API JVMs ({name} = the child)
                  --home DIR           project root where the modules were built (default .)
                  --data-dir DIR       state and logs of the run (default: a new temporary folder)
                """;
    }

    /** Parses the command line; throws IllegalArgumentException on an unknown option or a bad value. */
    static PlatformBenchmarkOptions parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        int mqtt = Integer.parseInt(take(rest, "--mqtt-devices", "3000"));
        int ocpp = Integer.parseInt(take(rest, "--ocpp-sessions", "1000"));
        int coap = Integer.parseInt(take(rest, "--coap-devices", "10"));
        List<Integer> rates = Arrays.stream(take(rest, "--rates", "1000,2000,3000,4000,5000,6000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        double mqttShare = Double.parseDouble(take(rest, "--mqtt-share", "0.7"));
        double coapShare = Double.parseDouble(take(rest, "--coap-share", "0.02"));
        int step = Integer.parseInt(take(rest, "--step", "180"));
        int faults = Integer.parseInt(take(rest, "--faults", "4"));
        int rawRate = Integer.parseInt(take(rest, "--raw-rate", "14000"));
        int rawSeconds = Integer.parseInt(take(rest, "--raw-seconds", "30"));
        int drain = Integer.parseInt(take(rest, "--drain", "180"));
        int atOnce = Integer.parseInt(take(rest, "--connect-at-once", "100"));
        String childJvm = take(rest, "--child-jvm", "");
        Path home = Path.of(take(rest, "--home", "."));
        String data = take(rest, "--data-dir", null);
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + rest);
        }
        if (mqtt < 1 || ocpp < 1 || coap < 0 || rates.isEmpty() || rates.stream().anyMatch(r -> r <= 0)
                || mqttShare < 0 || coapShare < 0 || mqttShare + coapShare > 1 || step < 10 || faults < 0
                || faults * rates.size() > ocpp || rawRate < 1 || rawSeconds < 5 || drain < 10 || atOnce < 1) {
            throw new IllegalArgumentException("bad value: devices >= 1, rates > 0, shares in [0, 1] adding up to at"
                    + " most 1, step >= 10 s, faults x steps <= OCPP sessions (each fault gets a charger of its own)");
        }
        return new PlatformBenchmarkOptions(home, data == null ? null : Path.of(data), mqtt, ocpp, coap, rates,
                mqttShare, coapShare, step, faults, rawRate, rawSeconds, drain, atOnce, childJvm);
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
