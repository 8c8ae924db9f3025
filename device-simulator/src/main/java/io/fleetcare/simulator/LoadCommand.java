package io.fleetcare.simulator;

import io.fleetcare.simulator.load.LoadSettings;
import io.fleetcare.simulator.load.LoadTest;
import io.fleetcare.simulator.scenario.PlatformEndpoints;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code simulate load}: a fleet of thousands at a given message rate, with latency figures from the API. */
final class LoadCommand {

    private LoadCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws FleetOptions.Invalid {
        Map<String, String> options = FleetOptions.options(args);
        int chargers = FleetOptions.number(options.remove("--chargers"), "--chargers", 0);
        int boxes = FleetOptions.number(options.remove("--set-top-boxes"), "--set-top-boxes", 0);
        int coapBoxes = FleetOptions.number(options.remove("--coap-set-top-boxes"), "--coap-set-top-boxes", 0);
        String coap = options.remove("--coap");
        double rate = rate(options.remove("--rate"));
        Duration duration = FleetOptions.duration(options.remove("--duration"));
        String mqtt = options.remove("--mqtt");
        String ocpp = options.remove("--ocpp");
        String credentials = options.remove("--credentials");
        String api = options.remove("--api");
        String user = options.remove("--user");
        String password = options.remove("--password");
        int faults = FleetOptions.number(options.remove("--faults"), "--faults", api == null ? 0 : 20);
        int connectAtOnce = FleetOptions.number(options.remove("--connect-at-once"), "--connect-at-once", 32);
        long seed = FleetOptions.number(options.remove("--seed"), "--seed", 1);
        Duration settle = FleetOptions.duration(options.remove("--settle"), "--settle");
        if (!options.isEmpty()) {
            throw new FleetOptions.Invalid("unknown option " + options.keySet().iterator().next());
        }
        if (chargers + boxes + coapBoxes == 0) {
            throw new FleetOptions.Invalid("nothing to load: give --chargers, --set-top-boxes and/or --coap-set-top-boxes");
        }
        if (duration == null) {
            throw new FleetOptions.Invalid("--duration is required");
        }
        if (boxes > 0 && mqtt == null || chargers > 0 && ocpp == null || coapBoxes > 0 && coap == null) {
            throw new FleetOptions.Invalid("--set-top-boxes needs --mqtt, --chargers needs --ocpp and "
                    + "--coap-set-top-boxes needs --coap");
        }
        if (credentials == null) {
            throw new FleetOptions.Invalid("--credentials is required (deviceId=secret for LD-CP-00001.., LD-STB-00001.., "
                    + "LD-CSTB-00001..)");
        }
        if (api != null && user == null) {
            throw new FleetOptions.Invalid("--api needs --user (and --password or FLEETCARE_API_PASSWORD)");
        }
        if (api != null && password == null) {
            password = System.getenv("FLEETCARE_API_PASSWORD");
            if (password == null) {
                throw new FleetOptions.Invalid("--api needs --password or the environment variable FLEETCARE_API_PASSWORD");
            }
        }
        if (api == null && faults > 0) {
            throw new FleetOptions.Invalid("--faults needs --api: latencies are read from the API");
        }
        LoadSettings settings;
        try {
            settings = new LoadSettings(chargers, boxes, coapBoxes, rate, duration, faults, Math.max(1, connectAtOnce), seed,
                    settle == null ? Duration.ofMinutes(2) : settle);
        } catch (IllegalArgumentException e) {
            throw new FleetOptions.Invalid(e.getMessage());
        }
        Map<String, String> secrets = FleetOptions.secrets(Path.of(credentials));
        List<String> ids = new ArrayList<>(LoadSettings.chargerIds(chargers));
        ids.addAll(LoadSettings.setTopBoxIds(boxes));
        ids.addAll(LoadSettings.coapSetTopBoxIds(coapBoxes));
        List<String> missing = ids.stream().filter(id -> !secrets.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new FleetOptions.Invalid("--credentials has no secret for " + missing.size() + " device(s), e.g. "
                    + missing.get(0));
        }
        out.printf("load: %d chargers, %d set-top boxes over MQTT and %d over CoAP, %.1f msg/s in total (each device "
                + "every %d ms), for %d s%n", chargers, boxes, coapBoxes, rate, settings.deviceInterval().toMillis(),
                duration.toSeconds());
        PlatformEndpoints endpoints = new PlatformEndpoints(mqtt, ocpp == null ? null : URI.create(ocpp), api, user,
                password, coap, Map.of());
        try {
            LoadTest.Report report = new LoadTest(settings, endpoints, secrets::get, out::println).run();
            out.print(report.text());
            return report.connectFailures() == 0 ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static double rate(String value) throws FleetOptions.Invalid {
        if (value == null) {
            throw new FleetOptions.Invalid("--rate (messages per second of the whole fleet) is required");
        }
        try {
            double rate = Double.parseDouble(value);
            if (!(rate > 0)) {
                throw new FleetOptions.Invalid("--rate must be positive");
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new FleetOptions.Invalid("--rate must be a number, not " + value);
        }
    }
}
