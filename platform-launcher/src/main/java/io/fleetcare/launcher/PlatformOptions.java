package io.fleetcare.launcher;

import io.fleetcare.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run the embedded platform.
 *
 * @param home               the project's root folder (where the modules were built)
 * @param dataDir            all state of the run; a later start with the same folder carries on
 * @param apiPort            HTTP port of the service API; 0 = any free port
 * @param gatewayPort        HTTP port of the gateway (health, metrics); 0 = any free port
 * @param setTopBoxes        simulated set-top boxes (MQTT); 0 = none
 * @param overheating        how many of them develop an overheating CPU
 * @param chargers           simulated EV chargers (OCPP 1.6J); 0 = none
 * @param faultyChargers     how many of them report a connector fault
 * @param seed               fixes the fleet and its signals
 * @param telemetryInterval  how often each simulated device reports
 * @param rulesFile          detection rules for the stream job; null = the job's defaults
 * @param extraDevices       devices run by someone else (e.g. scenarios) that the platform must know besides its
 *                           simulated fleet: they get secrets and, by protocol, broker accounts, DTLS pre-shared
 *                           keys, entries in the gateway's charger file or in its Modbus devices file; never null
 * @param demoStory          whether the platform seeds the demo's story once it runs (see {@link DemoSeeder}):
 *                           the simulated fleet in the registry with customers, components, past cases and a year
 *                           of hourly rollups; only the first start of a data directory seeds
 */
record PlatformOptions(Path home, Path dataDir, int apiPort, int gatewayPort, int setTopBoxes, int overheating,
                       int chargers, int faultyChargers, long seed, Duration telemetryInterval, Path rulesFile,
                       List<ExtraDevice> extraDevices, boolean demoStory) {

    /**
     * A device the platform registers but does not simulate itself.
     *
     * @param protocol how it reaches the gateway: set-top boxes over MQTT (a broker account) or COAP (a DTLS
     *                 pre-shared key), chargers over OCPP16 (an entry in the charger file) or MODBUS (an entry in
     *                 the gateway's Modbus devices file, with a loopback port picked at start); never null
     */
    record ExtraDevice(String id, boolean charger, String model, Scenario.Protocol protocol) {

        /** A set-top box over MQTT or a charger over OCPP 1.6J. */
        ExtraDevice(String id, boolean charger, String model) {
            this(id, charger, model, charger ? Scenario.Protocol.OCPP16 : Scenario.Protocol.MQTT);
        }
    }

    PlatformOptions {
        extraDevices = List.copyOf(extraDevices);
    }

    /** Options with the simulated fleet only, no extra devices and no demo story. */
    PlatformOptions(Path home, Path dataDir, int apiPort, int gatewayPort, int setTopBoxes, int overheating,
                    int chargers, int faultyChargers, long seed, Duration telemetryInterval, Path rulesFile) {
        this(home, dataDir, apiPort, gatewayPort, setTopBoxes, overheating, chargers, faultyChargers, seed,
                telemetryInterval, rulesFile, List.of());
    }

    /** Options without the demo story (the tests' platforms). */
    PlatformOptions(Path home, Path dataDir, int apiPort, int gatewayPort, int setTopBoxes, int overheating,
                    int chargers, int faultyChargers, long seed, Duration telemetryInterval, Path rulesFile,
                    List<ExtraDevice> extraDevices) {
        this(home, dataDir, apiPort, gatewayPort, setTopBoxes, overheating, chargers, faultyChargers, seed,
                telemetryInterval, rulesFile, extraDevices, false);
    }

    /** These options with the demo story seeded or not. */
    PlatformOptions withDemoStory(boolean seeded) {
        return new PlatformOptions(home, dataDir, apiPort, gatewayPort, setTopBoxes, overheating, chargers,
                faultyChargers, seed, telemetryInterval, rulesFile, extraDevices, seeded);
    }

    /** These options with the simulator's load-mode devices (LD-CP-…, LD-STB-…) registered besides. */
    PlatformOptions withLoadDevices(int loadChargers, int loadSetTopBoxes) {
        List<ExtraDevice> extra = new ArrayList<>(extraDevices);
        io.fleetcare.simulator.load.LoadSettings.chargerIds(loadChargers).forEach(id ->
                extra.add(new ExtraDevice(id, true, io.fleetcare.simulator.charger.ChargerSpec.DEFAULT_MODEL)));
        io.fleetcare.simulator.load.LoadSettings.setTopBoxIds(loadSetTopBoxes).forEach(id ->
                extra.add(new ExtraDevice(id, false, io.fleetcare.simulator.fleet.FleetPlan.SET_TOP_BOX_MODEL)));
        return new PlatformOptions(home, dataDir, apiPort, gatewayPort, setTopBoxes, overheating, chargers,
                faultyChargers, seed, telemetryInterval, rulesFile, extra, demoStory);
    }

    /** These options with the devices of the given scenarios registered besides. */
    PlatformOptions withScenarioDevices(List<Scenario> scenarios) {
        List<ExtraDevice> extra = new ArrayList<>(extraDevices);
        for (var scenario : scenarios) {
            for (var device : scenario.fleet()) {
                extra.add(new ExtraDevice(device.id(), device.kind() == Scenario.Kind.EV_CHARGER,
                        device.group().model(), device.protocol()));
            }
        }
        return new PlatformOptions(home, dataDir, apiPort, gatewayPort, setTopBoxes, overheating, chargers,
                faultyChargers, seed, telemetryInterval, rulesFile, extra, demoStory);
    }

    static final int DEFAULT_API_PORT = 8080;
    static final int DEFAULT_GATEWAY_PORT = 8081;

    static PlatformOptions defaults(Path home) {
        return new PlatformOptions(home, home.resolve("demo-data"), DEFAULT_API_PORT, DEFAULT_GATEWAY_PORT,
                6, 1, 2, 1, 42, Duration.ofSeconds(2), null, List.of(), true);
    }

    static String usage() {
        return """
                Runs the whole FleetCare platform on this machine (needs only a JDK).

                Options:
                  --data-dir DIR        where all state lives (default: ./demo-data); a later start reuses it
                  --api-port N          service API port (default 8080, or a free port when taken; 0 = any)
                  --gateway-port N      gateway health/metrics port (default 8081, or a free port when taken)
                  --set-top-boxes N     simulated set-top boxes (default 6; 0 = no simulated fleet)
                  --overheating N       how many of them overheat (default 1)
                  --chargers N          simulated EV chargers over OCPP 1.6J (default 2; 0 = none)
                  --faulty-chargers N   how many of them report a connector fault (default 1)
                  --seed N              fixes the fleet and its signals (default 42)
                  --interval-ms N       telemetry interval per device (default 2000)
                  --rules FILE          detection rules for the stream job (default: the job's own)
                  --scenarios           also register the devices of every shipped fault scenario and, unless
                                        --rules is given, run the rules the scenarios are written for; their
                                        secrets go to <data-dir>/device-credentials.properties (then run
                                        the device simulator's `scenario run --all`; give --set-top-boxes 0
                                        --chargers 0 for no demo fleet beside them)
                  --load-chargers N     also register chargers LD-CP-00001.. for the simulator's load mode
                  --load-set-top-boxes N  also register set-top boxes LD-STB-00001.. for the load mode
                  --no-demo-story       do not seed the demo's story (customers, components, past cases, a
                                        year of history); it is seeded once, on the first start of a data
                                        directory, through the service API
                  --home DIR            the project's root folder (default: current folder)
                  --help                this text
                """;
    }

    /** Parses command-line options over the defaults; throws IllegalArgumentException on a bad one. */
    static PlatformOptions parse(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean scenarios = rest.remove("--scenarios");
        boolean demoStory = !rest.remove("--no-demo-story");
        int loadChargers = Integer.parseInt(valueOf(rest, "--load-chargers", "0"));
        int loadBoxes = Integer.parseInt(valueOf(rest, "--load-set-top-boxes", "0"));
        Path home = Path.of(valueOf(rest, "--home", "."));
        PlatformOptions o = defaults(home);
        Path dataDir = Path.of(valueOf(rest, "--data-dir", o.dataDir().toString()));
        int api = Integer.parseInt(valueOf(rest, "--api-port", String.valueOf(o.apiPort())));
        int gateway = Integer.parseInt(valueOf(rest, "--gateway-port", String.valueOf(o.gatewayPort())));
        int boxes = Integer.parseInt(valueOf(rest, "--set-top-boxes", String.valueOf(o.setTopBoxes())));
        int hot = Integer.parseInt(valueOf(rest, "--overheating", String.valueOf(o.overheating())));
        int chargers = Integer.parseInt(valueOf(rest, "--chargers", String.valueOf(o.chargers())));
        int faulty = Integer.parseInt(valueOf(rest, "--faulty-chargers", String.valueOf(o.faultyChargers())));
        long seed = Long.parseLong(valueOf(rest, "--seed", String.valueOf(o.seed())));
        long interval = Long.parseLong(valueOf(rest, "--interval-ms", String.valueOf(o.telemetryInterval().toMillis())));
        String rules = valueOf(rest, "--rules", null);
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + rest);
        }
        if (hot > boxes) {
            throw new IllegalArgumentException("--overheating may not exceed --set-top-boxes");
        }
        if (faulty > chargers) {
            throw new IllegalArgumentException("--faulty-chargers may not exceed --chargers");
        }
        PlatformOptions options = new PlatformOptions(home, dataDir, api, gateway, boxes, hot, chargers, faulty, seed,
                Duration.ofMillis(interval), rules == null ? null : Path.of(rules)).withDemoStory(demoStory);
        options = options.withLoadDevices(loadChargers, loadBoxes);
        if (!scenarios) {
            return options;
        }
        if (rules == null) {
            options = new PlatformOptions(home, dataDir, api, gateway, boxes, hot, chargers, faulty, seed,
                    Duration.ofMillis(interval), ScenarioRulesFile.writeInto(dataDir), options.extraDevices(),
                    demoStory);
        }
        return options.withScenarioDevices(io.fleetcare.simulator.scenario.ScenarioFile.library());
    }

    private static String valueOf(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }
}
