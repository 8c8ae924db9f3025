package io.fleetcare.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.fleet.FleetPlan;
import io.fleetcare.simulator.scenario.Scenario.Charging;
import io.fleetcare.simulator.scenario.Scenario.DeviceExpectation;
import io.fleetcare.simulator.scenario.Scenario.DeviceGroup;
import io.fleetcare.simulator.scenario.Scenario.Kind;
import io.fleetcare.simulator.scenario.Scenario.Protocol;
import io.fleetcare.simulator.scenario.Scenario.ScenarioDevice;
import io.fleetcare.simulator.scenario.Scenario.TimelineStep;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads scenario files (YAML; the format is in the module README) and the library of scenarios that ships
 * with the simulator under {@code scenarios/} on the classpath.
 */
public final class ScenarioFile {

    /** Classpath folder of the shipped scenarios and their rules file. */
    public static final String LIBRARY = "scenarios/";
    /** The rules file the shipped scenarios are written for (production rules with shortened durations). */
    public static final String SCENARIO_RULES = "scenario-rules.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,17}");
    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    /** Prefix under which the platform shows a site's own alert and ticket, and under which expect names a site. */
    public static final String SITE_PREFIX = "site:";
    /** The most devices one group may have (a site of 200 devices needs no more than one group). */
    static final int MAX_GROUP = 200;

    private ScenarioFile() {
    }

    /** A scenario file that cannot be used; the message names the file and what is wrong. */
    public static final class InvalidScenario extends RuntimeException {
        InvalidScenario(String message) {
            super(message);
        }
    }

    /**
     * Reads and checks one scenario file.
     *
     * @throws InvalidScenario when the file is not a valid scenario
     * @throws IOException     when it cannot be read
     */
    public static Scenario read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    /**
     * The scenarios that ship with the simulator, in the order of {@code scenarios/library.txt}.
     *
     * @throws InvalidScenario when one of them is invalid (a bug of the simulator)
     */
    public static List<Scenario> library() {
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : libraryNames()) {
            scenarios.add(fromLibrary(name));
        }
        return scenarios;
    }

    /**
     * One shipped scenario by name.
     *
     * @throws InvalidScenario when there is no such scenario
     */
    public static Scenario fromLibrary(String name) {
        try (InputStream in = resource(LIBRARY + name + ".yaml")) {
            if (in == null) {
                throw new InvalidScenario("no scenario named " + name + " in the library; known: " + libraryNames());
            }
            return parse(in, LIBRARY + name + ".yaml");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text of the shipped rules file {@link #SCENARIO_RULES}. */
    public static String scenarioRules() {
        try (InputStream in = resource(LIBRARY + SCENARIO_RULES)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> libraryNames() {
        try (InputStream in = resource(LIBRARY + "library.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return ScenarioFile.class.getClassLoader().getResourceAsStream(name);
    }

    static Scenario parse(InputStream in, String source) throws IOException {
        JsonNode root = YAML.readTree(in);
        if (root == null || !root.isObject()) {
            throw new InvalidScenario(source + ": not a YAML mapping");
        }
        Reader r = new Reader(source);
        String name = r.text(root, "name");
        Duration runFor = r.duration(root, "runFor");
        Duration within = r.duration(root, "within");
        if (within.compareTo(runFor) < 0) {
            throw new InvalidScenario(source + ": within must not be shorter than runFor");
        }
        List<DeviceGroup> groups = new ArrayList<>();
        for (JsonNode g : r.list(root, "devices", true)) {
            groups.add(r.group(g));
        }
        Scenario draft = new Scenario(name, r.text(root, "description"), root.path("seed").asLong(1),
                r.text(root, "rules"), runFor, within, groups, List.of(), List.of());
        Set<String> ids = new HashSet<>();
        List<ScenarioDevice> fleet = draft.fleet();
        for (ScenarioDevice d : fleet) {
            if (!ids.add(d.id())) {
                throw new InvalidScenario(source + ": device id " + d.id() + " twice");
            }
            if (!DEVICE_ID.matcher(d.id()).matches()) {
                throw new InvalidScenario(source + ": device id " + d.id()
                        + " must be letters, digits and '-', at most 18 characters");
            }
        }
        List<TimelineStep> steps = new ArrayList<>();
        for (JsonNode s : r.list(root, "timeline", false)) {
            List<String> stepDevices;
            if (s.has("site")) {
                if (s.has("devices")) {
                    throw new InvalidScenario(source + ": a timeline step names devices or a site, not both");
                }
                String site = r.text(s, "site");
                stepDevices = draft.devicesAt(site);
                if (stepDevices.isEmpty()) {
                    throw new InvalidScenario(source + ": " + site + " is not a site of the scenario");
                }
            } else {
                stepDevices = r.ids(s, "devices", ids);
            }
            TimelineStep step = new TimelineStep(r.duration(s, "at"), stepDevices, r.fault(s));
            for (String id : step.devices()) {
                ScenarioDevice device = fleet.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
                if (!step.fault().kinds().contains(device.kind())) {
                    throw new InvalidScenario(source + ": " + step.fault().name() + " is not a fault of a "
                            + device.kind() + " (" + id + ")");
                }
                if (device.protocol() == Protocol.MODBUS && !(step.fault() instanceof Fault.GoingSilent)) {
                    throw new InvalidScenario(source + ": a charger over MODBUS has only the fault going-silent, not "
                            + step.fault().name() + " (" + id + ")");
                }
            }
            steps.add(step);
        }
        List<DeviceExpectation> expect = new ArrayList<>();
        Set<String> expected = new HashSet<>();
        Set<String> siteIds = new HashSet<>();
        draft.sites().forEach(site -> siteIds.add(SITE_PREFIX + site));
        List<JsonNode> perSite = new ArrayList<>();
        for (JsonNode e : r.list(root, "expect", false)) {
            if (e.has("site")) {
                perSite.add(e);
                continue;
            }
            r.noOthers(e, Set.of("device", "alerts", "tickets", "alsoAllowed"));
            String device = r.text(e, "device");
            if (!(ids.contains(device) || siteIds.contains(device)) || !expected.add(device)) {
                throw new InvalidScenario(source + ": expect names " + device
                        + ", which is not a device or site (site:<id>) of the scenario or is named twice");
            }
            expect.add(new DeviceExpectation(device, r.strings(e, "alerts"), r.strings(e, "tickets"),
                    r.strings(e, "alsoAllowed")));
        }
        // {site: X, …}: the same expectation for each device at X that is not named on its own
        Set<String> sitesExpected = new HashSet<>();
        for (JsonNode e : perSite) {
            r.noOthers(e, Set.of("site", "alerts", "tickets", "alsoAllowed"));
            String site = r.text(e, "site");
            List<String> at = draft.devicesAt(site);
            if (at.isEmpty() || !sitesExpected.add(site)) {
                throw new InvalidScenario(source + ": expect names site " + site
                        + ", which is not a site of the scenario or is named twice");
            }
            for (String device : at) {
                if (expected.add(device)) {
                    expect.add(new DeviceExpectation(device, r.strings(e, "alerts"), r.strings(e, "tickets"),
                            r.strings(e, "alsoAllowed")));
                }
            }
        }
        r.noOthers(root, Set.of("name", "description", "seed", "rules", "runFor", "within", "devices", "timeline",
                "expect"));
        return new Scenario(name, draft.description(), draft.seed(), draft.rules(), runFor, within, groups, steps,
                expect);
    }

    /** Field access that names the file and the field in every complaint. */
    private record Reader(String source) {

        String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isValueNode() || value.asText().isBlank()) {
                throw new InvalidScenario(source + ": " + field + " is required");
            }
            return value.asText().strip();
        }

        Duration duration(JsonNode node, String field) {
            String text = text(node, field);
            try {
                Duration d = Duration.parse(text);
                if (d.isNegative()) {
                    throw new InvalidScenario(source + ": " + field + " must not be negative");
                }
                return d;
            } catch (DateTimeParseException e) {
                throw new InvalidScenario(source + ": " + field + " must be an ISO-8601 duration like PT30S, not "
                        + text);
            }
        }

        double number(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isNumber()) {
                throw new InvalidScenario(source + ": " + field + " (a number) is required");
            }
            return value.asDouble();
        }

        List<JsonNode> list(JsonNode node, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    throw new InvalidScenario(source + ": " + field + " is required");
                }
                return List.of();
            }
            if (!value.isArray() || (required && value.isEmpty())) {
                throw new InvalidScenario(source + ": " + field + " must be a " + (required ? "non-empty " : "")
                        + "list");
            }
            List<JsonNode> out = new ArrayList<>();
            value.forEach(out::add);
            return out;
        }

        List<String> strings(JsonNode node, String field) {
            return list(node, field, false).stream().map(JsonNode::asText).toList();
        }

        List<String> ids(JsonNode node, String field, Set<String> known) {
            List<String> ids = node.path(field).isTextual() ? List.of(node.get(field).asText()) : strings(node, field);
            if (ids.isEmpty()) {
                throw new InvalidScenario(source + ": " + field + " is required");
            }
            for (String id : ids) {
                if (!known.contains(id)) {
                    throw new InvalidScenario(source + ": " + id + " is not a device of the scenario");
                }
            }
            return ids;
        }

        <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type, E fallback) {
            JsonNode value = node.get(field);
            if (value == null && fallback != null) {
                return fallback;
            }
            String text = value == null ? "" : value.asText().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw new InvalidScenario(source + ": " + field + " must be one of "
                        + List.of(type.getEnumConstants()) + ", not " + (value == null ? "(missing)" : value.asText()));
            }
        }

        DeviceGroup group(JsonNode g) {
            Kind kind = choice(g, "kind", Kind.class, null);
            Protocol protocol = choice(g, "protocol", Protocol.class, null);
            if (protocol.kind() != kind) {
                throw new InvalidScenario(source + ": the simulator runs set-top boxes over MQTT or COAP and chargers "
                        + "over OCPP16 or MODBUS, not a " + kind + " over " + protocol);
            }
            int count = (int) number(g, "count");
            if (count < 1 || count > MAX_GROUP) {
                throw new InvalidScenario(source + ": count must be 1.." + MAX_GROUP);
            }
            String model = g.has("model") ? text(g, "model")
                    : kind == Kind.SET_TOP_BOX ? FleetPlan.SET_TOP_BOX_MODEL : ChargerSpec.DEFAULT_MODEL;
            Charging charging = choice(g, "charging", Charging.class, Charging.BUSY);
            double ratedPowerW = g.has("ratedPowerKw") ? number(g, "ratedPowerKw") * 1000
                    : ChargerSpec.DEFAULT_RATED_POWER_W;
            String site = g.has("site") ? text(g, "site") : null;
            if (site != null && !SITE_ID.matcher(site).matches()) {
                throw new InvalidScenario(source + ": site " + site
                        + " must be letters, digits and '-', at most 32 characters");
            }
            noOthers(g, Set.of("kind", "protocol", "idPrefix", "count", "model", "charging", "ratedPowerKw", "site"));
            return new DeviceGroup(kind, protocol, text(g, "idPrefix"), count, model, charging, ratedPowerW, site);
        }

        Fault fault(JsonNode s) {
            String name = text(s, "fault");
            try {
                Fault fault = switch (name) {
                    case "cpu-overheating" -> new Fault.CpuOverheating(number(s, "degreesPerSecond"),
                            number(s, "plateauC"));
                    case "temperature-flapping" -> new Fault.TemperatureFlapping(number(s, "lowC"),
                            number(s, "highC"), number(s, "halfPeriodSeconds"));
                    case "memory-leak" -> new Fault.MemoryLeak(number(s, "mbPerSecond"));
                    case "snr-degrading" -> new Fault.SignalDegradation(number(s, "dbPerSecond"));
                    case "reboot-loop" -> new Fault.RebootLoop((int) number(s, "times"), number(s, "everySeconds"));
                    case "error-event" -> new Fault.ErrorReport(text(s, "code"));
                    case "going-silent" -> new Fault.GoingSilent();
                    case "connector-fault" -> new Fault.ConnectorFault(text(s, "errorCode"),
                            s.has("vendorErrorCode") ? text(s, "vendorErrorCode") : null);
                    case "connector-overheating" -> new Fault.ConnectorOverheating(number(s, "degreesPerSecond"),
                            number(s, "plateauC"));
                    case "passing-errors" -> new Fault.PassingErrors(text(s, "errorCode"), (int) number(s, "times"),
                            number(s, "everySeconds"));
                    default -> throw new InvalidScenario(source + ": unknown fault " + name);
                };
                Set<String> allowed = new HashSet<>(Set.of("at", "devices", "site", "fault"));
                for (var c : fault.getClass().getRecordComponents()) {
                    allowed.add(c.getName());
                }
                noOthers(s, allowed);
                return fault;
            } catch (IllegalArgumentException e) {
                throw new InvalidScenario(source + ": " + e.getMessage());
            }
        }

        void noOthers(JsonNode node, Set<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!known.contains(field)) {
                    throw new InvalidScenario(source + ": unknown field " + field);
                }
            }
        }
    }
}
