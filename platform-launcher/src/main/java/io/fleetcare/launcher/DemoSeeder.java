package io.fleetcare.launcher;

import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.fleet.FleetPlan;
import io.fleetcare.simulator.fleet.SimulatedDevice;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo's story once, on the first start of a data directory, so that the first pages a newcomer opens
 * show what the platform does: the simulated fleet in the device registry (models, serials, sites, commissioning
 * reports) owned by customers of tiers A, B and C (DOMAIN.md "Customers", seed 001 §7.1.2), with components of their
 * own warranty periods (seed 004 §4, seed 002 §2.1); catalog parts in stock; past cases of the overheating set-top box
 * and the faulted charger walked to CLOSED with their evidence (repair records with parts and the customer's
 * signature, or a remote resolution and a confirmation call; seed 001 §7.2, seed 004 §3.4.2) and a satisfaction
 * survey each (seed 002 §2.3.7); two demo accounts (a service manager and a field engineer); and a year of hourly
 * rollups of every demo device written into the stream job's rollup table.
 *
 * <p>Everything but the rollups goes through the service API's REST endpoints, as the administrator and the demo
 * accounts, so the after-sales rules hold for the demo's data as for anybody's: a case closes only with its evidence,
 * a part is issued only from stock, an engineer moves only cases assigned to them. The consequence is that the past
 * cases carry today's times (the API stamps every move with its own clock). The rollups go into
 * {@code telemetry.reading_hourly} directly (the API has no write path for telemetry; only the job writes
 * readings), for the hours before the start so that the live pipeline's rows are never touched; on the TimescaleDB
 * layout, where the hourly rollups are a continuous aggregate, they are left out.
 *
 * <p>A marker file in the data directory ({@value #MARKER}) says the story is there: a later start seeds nothing.
 */
final class DemoSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

    /** File in the data directory written when the story was seeded completely. */
    static final String MARKER = "demo-story.seeded";
    static final String MANAGER = "demo-manager";
    static final String ENGINEER = "demo-engineer";
    static final String STORE = "Central store";

    /** The story as seeded: the device to open first and the charger whose fault the demo shows. */
    record Story(String openFirst, String faultedCharger, int devices, long rollupRows, Duration took,
                 boolean seededNow) {
    }

    /** Where the stream job's telemetry store is. */
    record TelemetryStore(String jdbcUrl, String user, String password) {
    }

    private final ServiceApiClient api;
    private final String admin;
    private final TelemetryStore store;
    private final Clock clock;
    private final long seed;
    private final LocalDate today;
    private final Map<String, Long> parts = new LinkedHashMap<>();

    /**
     * @param api   a client holding the passwords of {@code admin}, {@link #MANAGER} and {@link #ENGINEER}
     * @param admin the administrator's username
     */
    DemoSeeder(ServiceApiClient api, String admin, TelemetryStore store, Clock clock, long seed) {
        this.api = Objects.requireNonNull(api, "api");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seed = seed;
        this.today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The overheating set-top box of the plan, the device the demo opens first; null when none overheats. */
    static String overheatingBox(FleetPlan boxes) {
        return boxes.devices().stream().filter(d -> !d.healthy()).map(SimulatedDevice::deviceId).findFirst()
                .orElse(null);
    }

    /** The charger of the plan that reports a connector fault; null when none does. */
    static String faultedCharger(FleetPlan chargers) {
        return chargers.chargers().stream().filter(c -> c.suddenFault() != null).map(ChargerSpec::chargePointId)
                .findFirst().orElse(null);
    }

    /**
     * Seeds the story unless the marker says it is there.
     *
     * @param dataDir            the platform's data directory; never null
     * @param boxes              the simulated set-top boxes (may have none); never null
     * @param chargers           the simulated chargers (may have none); never null
     * @param demoAccountPasswords the passwords for {@link #MANAGER} and {@link #ENGINEER}
     * @throws ServiceApiClient.ApiRefusal when the API refuses a step; the marker is not written then
     * @throws IllegalStateException       when the API or the database cannot be reached
     */
    Story seedOnce(Path dataDir, FleetPlan boxes, FleetPlan chargers, Map<String, String> demoAccountPasswords) {
        Path marker = dataDir.resolve(MARKER);
        if (Files.exists(marker)) {
            Properties seeded = read(marker);
            return new Story(seeded.getProperty("open-first"), seeded.getProperty("faulted-charger"),
                    Integer.parseInt(seeded.getProperty("devices", "0")),
                    Long.parseLong(seeded.getProperty("rollup-rows", "0")),
                    Duration.ofMillis(Long.parseLong(seeded.getProperty("took-ms", "0"))), false);
        }
        long started = System.nanoTime();
        String hotBox = overheatingBox(boxes);
        String faulted = faultedCharger(chargers);
        accounts(demoAccountPasswords);
        long hotel = customer("Jade Garden Hotel", "B", "BUSINESS", "88 Nanjing Road West, Shanghai",
                "Mr Chen", "front office manager", "+86 21 5555 0188");
        long harbour = customer("Harbour Logistics", "A", "BUSINESS", "Harbour Road 12, Yangshan Port",
                "Ms Zhao", "facility manager", "+86 21 5555 0101");
        long home = customer("Wang Residence", "C", "HOME", "Lane 46 No. 3, Xuhui District, Shanghai",
                "Mr Wang", null, "+86 139 5555 0146");
        parts();
        int devices = 0;
        for (SimulatedDevice box : boxes.devices()) {
            int n = devices++;
            boolean hot = box.deviceId().equals(hotBox);
            if (hot || n % 3 == 1) {
                setTopBox(box, hotel, hot ? "Jade Garden Hotel, room 1203, 88 Nanjing Road West, Shanghai"
                        : "Jade Garden Hotel, room " + (1101 + n) + ", 88 Nanjing Road West, Shanghai", hot, n);
            } else if (n % 3 == 2) {
                setTopBox(box, home, "Lane 46 No. 3, Xuhui District, Shanghai, living room", false, n);
            } else {
                setTopBox(box, harbour, "Harbour Logistics, reception, Harbour Road 12, Yangshan Port", false, n);
            }
        }
        for (ChargerSpec charger : chargers.chargers()) {
            devices++;
            charger(charger, harbour);
        }
        if (hotBox != null) {
            fanReplacedOnSite(hotBox);
            channelsRescannedRemotely(hotBox);
        }
        if (faulted != null) {
            rcdReplaced(faulted);
        }
        long rows = DemoRollups.write(store, boxes, chargers, hotBox, clock.instant(), seed);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Properties done = new Properties();
        if (hotBox != null) {
            done.setProperty("open-first", hotBox);
        }
        if (faulted != null) {
            done.setProperty("faulted-charger", faulted);
        }
        done.setProperty("devices", String.valueOf(devices));
        done.setProperty("rollup-rows", String.valueOf(rows));
        done.setProperty("took-ms", String.valueOf(took.toMillis()));
        done.setProperty("seeded-at", clock.instant().toString());
        write(marker, done);
        LOG.info("demo story seeded in {} ms: {} devices, {} hourly rollups", took.toMillis(), devices, rows);
        return new Story(hotBox, faulted, devices, rows, took, true);
    }

    // ---- through the API -------------------------------------------------------------------------------------

    private void accounts(Map<String, String> passwords) {
        for (var account : Map.of(MANAGER, "SERVICE_MANAGER", ENGINEER, "FIELD_ENGINEER").entrySet()) {
            String password = Objects.requireNonNull(passwords.get(account.getKey()), account.getKey());
            api.call("POST", "/api/accounts", admin, Map.of("username", account.getKey(), "password", password,
                    "roles", List.of(account.getValue())));
        }
    }

    private long customer(String name, String tier, String kind, String address, String contact, String position,
            String phone) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", contact);
        if (position != null) {
            person.put("position", position);
        }
        person.put("phone", phone);
        return api.call("POST", "/api/customers", admin, Map.of("name", name, "tier", tier, "kind", kind,
                "address", address, "contacts", List.of(person))).path("customerId").asLong();
    }

    private void parts() {
        part("Cooling fan 40 mm", FleetPlan.SET_TOP_BOX_MODEL, "B", 12);
        part("CPU thermal pad kit", FleetPlan.SET_TOP_BOX_MODEL, "C", 40);
        part("Power supply 12 V 2 A", FleetPlan.SET_TOP_BOX_MODEL, "B", 8);
        part("RCD type B 40 A", ChargerSpec.DEFAULT_MODEL, "A", 4);
        part("Charging cable type 2, 5 m", ChargerSpec.DEFAULT_MODEL, "A", 3);
    }

    private void part(String name, String spec, String abcClass, int stock) {
        long id = api.call("POST", "/api/parts", admin, Map.of("name", name, "spec", spec, "abcClass", abcClass))
                .path("partId").asLong();
        api.call("POST", "/api/parts/" + id + "/movements", MANAGER, Map.of("kind", "RECEIPT", "location", STORE,
                "quantity", stock, "reason", "opening stock of the demo"));
        parts.put(name, id);
    }

    private void setTopBox(SimulatedDevice box, long owner, String site, boolean hot, int n) {
        LocalDate sold = hot ? today.minusMonths(14) : today.minusMonths(4 + 3L * n);
        List<Map<String, Object>> components = List.of(
                component("main board", "MB-" + box.deviceId(), 24, null),
                component("cooling fan", "FAN-" + box.deviceId(), 12, null),
                component("power supply", "PSU-" + box.deviceId(), 12, today.plusMonths(10)));
        register(box.deviceId(), "SET_TOP_BOX", box.model(), "4.2.1", site, sold, owner, components,
                hot ? "Mr Chen" : "the customer's contact");
    }

    private void charger(ChargerSpec charger, long owner) {
        LocalDate sold = today.minusMonths(26);
        register(charger.chargePointId(), "EV_CHARGER", charger.model(), "1.4.2",
                "Depot 7, bay " + charger.chargePointId().substring(charger.chargePointId().length() - 1)
                        + ", Container Terminal, Yangshan Port", sold, owner,
                List.of(component("charging module", "CM-" + charger.chargePointId(), 36, null),
                        component("charging cable", "CC-" + charger.chargePointId(), 12, null),
                        component("RCD", "RCD-" + charger.chargePointId(), 24, today.plusMonths(6))),
                "Ms Zhao");
    }

    private static Map<String, Object> component(String name, String serial, int months, LocalDate contractUntil) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("serial", serial);
        c.put("warrantyMonths", months);
        if (contractUntil != null) {
            c.put("serviceContractUntil", contractUntil.toString());
        }
        return c;
    }

    private void register(String deviceId, String type, String model, String firmware, String site, LocalDate sold,
            long owner, List<Map<String, Object>> components, String acceptedBy) {
        LocalDate installed = sold.plusDays(6);
        api.call("POST", "/api/devices", admin, Map.ofEntries(Map.entry("deviceId", deviceId),
                Map.entry("deviceType", type), Map.entry("model", model), Map.entry("serial", "SN-" + deviceId),
                Map.entry("firmware", firmware), Map.entry("siteAddress", site),
                Map.entry("producedOn", sold.minusMonths(2).toString()), Map.entry("soldOn", sold.toString()),
                Map.entry("installedOn", installed.toString()),
                Map.entry("commissioning", Map.of("on", installed.toString(),
                        "report", "Installed, powered up and tested; the customer was shown the device",
                        "acceptedBy", acceptedBy)),
                Map.entry("customerId", owner), Map.entry("components", components)));
    }

    /** The overheating box's earlier case: the fan had failed; replaced on site, signed, closed, surveyed. */
    private void fanReplacedOnSite(String box) {
        String number = intake(box, "PHONE", "MAJOR", "cooling fan",
                "Picture freezes in the evenings and the box is hot to the touch");
        visit(number, box, "Picture freezes after an hour of use, case hot",
                "Cooling fan seized, CPU throttling at 85 °C",
                "Replaced the cooling fan and renewed the CPU thermal pad, cleaned the vents",
                "Two hours of 4K playback, CPU steady at 58 °C", 50, "Mr Chen",
                List.of(part("Cooling fan 40 mm", "fan seized"), part("CPU thermal pad kit", "dried out")));
        api.call("POST", "/api/tickets/" + number + "/transitions", MANAGER, Map.of("to", "CUSTOMER_CONFIRMED",
                "confirmation", Map.of("method", "SIGNATURE", "reference", "signed on the repair record")));
        close(number, 5, 4, 4, 4, "The engineer explained what went wrong; came 20 minutes late");
    }

    /** The overheating box's other case: channels lost after a storm, fixed by a remote rescan, confirmed by call. */
    private void channelsRescannedRemotely(String box) {
        String number = intake(box, "EMAIL", "MINOR", null, "Some channels are missing since the storm last night");
        api.call("POST", "/api/tickets/" + number + "/transitions", MANAGER, Map.of("to", "ACKNOWLEDGED"));
        api.call("POST", "/api/tickets/" + number + "/transitions", MANAGER, Map.of("to", "RESOLVED",
                "remoteResolution", Map.of("method", "REMOTE_COMMAND",
                        "workDone", "Ran a channel rescan remotely; the tuner locked all 212 channels again")));
        api.call("POST", "/api/tickets/" + number + "/transitions", MANAGER, Map.of("to", "CUSTOMER_CONFIRMED",
                "confirmation", Map.of("method", "CALL", "contact", "Mr Chen", "reference", "call back at the desk")));
        close(number, 5, 5, 5, 5, "Fixed while I was on the phone");
    }

    /** The faulted charger's earlier case: the RCD tripped under load; replaced, signed, closed, surveyed. */
    private void rcdReplaced(String charger) {
        String number = intake(charger, "PHONE", "CRITICAL", "RCD", "Charging stops after a few minutes, the RCD trips");
        visit(number, charger, "RCD trips a few minutes into every charge", "RCD worn, trips below its rating",
                "Replaced the RCD, checked the cable gland and the earth connection",
                "Insulation test passed, test charge 30 min at 11 kW", 75, "Ms Zhao",
                List.of(part("RCD type B 40 A", "trips below rating")));
        api.call("POST", "/api/tickets/" + number + "/transitions", MANAGER, Map.of("to", "CUSTOMER_CONFIRMED",
                "confirmation", Map.of("method", "SIGNATURE", "reference", "signed on the repair record")));
        close(number, 4, 5, 3, 5, "Good repair; the depot waited half a day");
    }

    private String intake(String deviceId, String channel, String severity, String component, String problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("deviceId", deviceId);
        body.put("problem", problem);
        body.put("severity", severity);
        if (component != null) {
            body.put("component", component);
        }
        return api.call("POST", "/api/tickets", MANAGER, body).path("number").asText();
    }

    private Map<String, Object> part(String name, String reason) {
        return Map.of("partId", parts.get(name), "location", STORE, "quantity", 1, "reason", reason);
    }

    /** Acknowledge, assign the demo engineer, schedule; the engineer on site files the record and resolves. */
    private void visit(String number, String deviceId, String symptom, String cause, String workDone,
            String testResult, int minutes, String signOff, List<Map<String, Object>> replaced) {
        String transitions = "/api/tickets/" + number + "/transitions";
        api.call("POST", transitions, MANAGER, Map.of("to", "ACKNOWLEDGED"));
        Instant from = clock.instant().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        api.call("PUT", "/api/tickets/" + number + "/assignment", MANAGER, Map.of("engineer", ENGINEER,
                "from", from.toString(), "to", from.plus(Duration.ofHours(1)).toString()));
        api.call("POST", transitions, MANAGER, Map.of("to", "SCHEDULED"));
        api.call("POST", transitions, ENGINEER, Map.of("to", "ON_SITE"));
        api.call("POST", "/api/repairs", ENGINEER, Map.ofEntries(Map.entry("kind", "REPAIR"),
                Map.entry("deviceId", deviceId), Map.entry("ticketNumber", number), Map.entry("symptom", symptom),
                Map.entry("cause", cause), Map.entry("workDone", workDone), Map.entry("testResult", testResult),
                Map.entry("minutesSpent", minutes), Map.entry("customerSignOff", signOff),
                Map.entry("performedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString()),
                Map.entry("partsReplaced", replaced)));
        api.call("POST", transitions, ENGINEER, Map.of("to", "RESOLVED"));
    }

    private void close(String number, int attitude, int skill, int punctuality, int result, String comment) {
        api.call("POST", "/api/tickets/" + number + "/transitions", MANAGER, Map.of("to", "CLOSED"));
        api.call("POST", "/api/tickets/" + number + "/survey", MANAGER, Map.of("attitude", attitude, "skill", skill,
                "punctuality", punctuality, "result", result, "comment", comment));
    }

    // ---- the marker ----------------------------------------------------------------------------------------------

    private static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, Properties p) {
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "The demo's story was seeded into this data directory; delete the directory to seed it again.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
