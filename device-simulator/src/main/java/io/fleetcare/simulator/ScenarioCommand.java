package io.fleetcare.simulator;

import io.fleetcare.simulator.scenario.PlatformEndpoints;
import io.fleetcare.simulator.scenario.Scenario;
import io.fleetcare.simulator.scenario.Scenario.ScenarioDevice;
import io.fleetcare.simulator.scenario.ScenarioFile;
import io.fleetcare.simulator.scenario.ScenarioRun;
import io.fleetcare.simulator.scenario.ScenarioVerdict;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code simulate scenario list|rules|devices|run}: the fault scenarios and their expected outcomes. */
final class ScenarioCommand {

    private ScenarioCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws FleetOptions.Invalid {
        if (args.length == 0) {
            throw new FleetOptions.Invalid("scenario needs a sub-command: list, rules, devices or run");
        }
        String sub = args[0];
        Map<String, String> options = FleetOptions.options(java.util.Arrays.copyOfRange(args, 1, args.length),
                java.util.Set.of("--all", "--sequential"));
        switch (sub) {
            case "list" -> {
                noOthers(options);
                for (Scenario s : ScenarioFile.library()) {
                    out.printf("%-34s %2d devices, within %-6s %s%n", s.name(), s.fleet().size(),
                            s.within().toSeconds() + " s", s.description().strip());
                }
                return 0;
            }
            case "rules" -> {
                noOthers(options);
                out.print(ScenarioFile.scenarioRules());
                return 0;
            }
            case "devices" -> {
                List<Scenario> scenarios = selected(options);
                noOthers(options);
                for (Scenario s : scenarios) {
                    for (ScenarioDevice d : s.fleet()) {
                        out.println(d.id() + " " + d.kind() + " " + d.group().protocol() + " " + d.group().model());
                    }
                }
                return 0;
            }
            case "run" -> {
                return runScenarios(options, out, err);
            }
            default -> throw new FleetOptions.Invalid("unknown scenario sub-command " + sub);
        }
    }

    /** Device id -> port of the gateway's Modbus devices file: where each Modbus charger must listen. */
    private static Map<String, Integer> modbusPorts(Path devicesFile) throws FleetOptions.Invalid {
        try {
            var root = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(devicesFile.toFile());
            Map<String, Integer> ports = new java.util.LinkedHashMap<>();
            if (root != null) {
                root.path("devices").forEach(d -> ports.put(d.path("deviceId").asText(), d.path("port").asInt(502)));
            }
            return ports;
        } catch (IOException e) {
            throw new FleetOptions.Invalid("--modbus-devices: cannot read " + devicesFile + ": " + e.getMessage());
        }
    }

    private static int runScenarios(Map<String, String> options, PrintStream out, PrintStream err)
            throws FleetOptions.Invalid {
        List<Scenario> scenarios = selected(options);
        String api = required(options, "--api");
        String user = required(options, "--user");
        String password = options.remove("--password");
        if (password == null) {
            password = System.getenv("FLEETCARE_API_PASSWORD");
        }
        if (password == null) {
            throw new FleetOptions.Invalid("--password (or the environment variable FLEETCARE_API_PASSWORD) is required");
        }
        Map<String, String> secrets = FleetOptions.secrets(Path.of(required(options, "--credentials")));
        String mqtt = options.remove("--mqtt");
        String ocpp = options.remove("--ocpp");
        String coap = options.remove("--coap");
        String modbusDevices = options.remove("--modbus-devices");
        Map<String, Integer> modbusPorts = modbusDevices == null ? Map.of() : modbusPorts(Path.of(modbusDevices));
        boolean sequential = Boolean.parseBoolean(options.getOrDefault("--sequential", "false"));
        options.remove("--sequential");
        noOthers(options);
        List<String> missing = new ArrayList<>();
        for (Scenario s : scenarios) {
            for (ScenarioDevice d : s.fleet()) {
                if (!secrets.containsKey(d.id())) {
                    missing.add(d.id());
                }
                String lacking = switch (d.protocol()) {
                    case MQTT -> mqtt == null ? "set-top boxes over MQTT: --mqtt is required" : null;
                    case COAP -> coap == null ? "set-top boxes over CoAP: --coap is required" : null;
                    case OCPP16 -> ocpp == null ? "chargers over OCPP: --ocpp is required" : null;
                    case MODBUS -> modbusPorts.containsKey(d.id()) ? null
                            : "Modbus chargers: --modbus-devices must name the gateway's devices file listing " + d.id();
                };
                if (lacking != null) {
                    throw new FleetOptions.Invalid(s.name() + " has " + lacking);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new FleetOptions.Invalid("--credentials has no secret for " + missing.size() + " device(s), e.g. "
                    + missing.get(0) + " (register them with the platform: simulate scenario devices)");
        }
        PlatformEndpoints endpoints = new PlatformEndpoints(mqtt, ocpp == null ? null : URI.create(ocpp), api, user,
                password, coap, modbusPorts);
        scenarios.stream().map(Scenario::rules).distinct().forEach(rules ->
                out.println("expectations are written for the rules " + rules + ": the platform must run with them"));
        ExecutorService pool = Executors.newFixedThreadPool(sequential ? 1 : scenarios.size());
        try {
            List<Future<ScenarioVerdict>> runs = new ArrayList<>();
            for (Scenario s : scenarios) {
                runs.add(pool.submit(() -> new ScenarioRun(s, endpoints, secrets::get, line -> {
                    synchronized (out) {
                        out.println(line);
                    }
                }).run()));
            }
            int failed = 0;
            for (Future<ScenarioVerdict> run : runs) {
                ScenarioVerdict verdict = run.get();
                synchronized (out) {
                    out.println(verdict.report());
                }
                failed += verdict.passed() ? 0 : 1;
            }
            out.printf("%d of %d scenarios passed%n", scenarios.size() - failed, scenarios.size());
            return failed == 0 ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            err.println("a scenario could not run: " + e.getCause());
            return 1;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Scenario> selected(Map<String, String> options) throws FleetOptions.Invalid {
        String all = options.remove("--all");
        String names = options.remove("--name");
        String file = options.remove("--file");
        if ((all != null ? 1 : 0) + (names != null ? 1 : 0) + (file != null ? 1 : 0) != 1) {
            throw new FleetOptions.Invalid("choose the scenarios with exactly one of --all, --name N[,N..], --file F");
        }
        try {
            if (file != null) {
                return List.of(ScenarioFile.read(Path.of(file)));
            }
            if (names != null) {
                List<Scenario> scenarios = new ArrayList<>();
                for (String name : names.split(",")) {
                    scenarios.add(ScenarioFile.fromLibrary(name.strip()));
                }
                return scenarios;
            }
            return ScenarioFile.library();
        } catch (ScenarioFile.InvalidScenario e) {
            throw new FleetOptions.Invalid(e.getMessage());
        } catch (IOException e) {
            throw new FleetOptions.Invalid("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String required(Map<String, String> options, String name) throws FleetOptions.Invalid {
        String value = options.remove(name);
        if (value == null) {
            throw new FleetOptions.Invalid(name + " is required");
        }
        return value;
    }

    private static void noOthers(Map<String, String> options) throws FleetOptions.Invalid {
        if (!options.isEmpty()) {
            throw new FleetOptions.Invalid("unknown option " + options.keySet().iterator().next());
        }
    }
}
