package io.fleetcare.simulator.scenario;

import io.fleetcare.simulator.charger.ChargerSignals;
import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.charger.ChargingPattern;
import io.fleetcare.simulator.charger.SimulatedCharger;
import io.fleetcare.simulator.charger.SuddenFault;
import io.fleetcare.simulator.modbus.ModbusCharger;
import io.fleetcare.simulator.scenario.Scenario.ScenarioDevice;
import io.fleetcare.simulator.scenario.Scenario.TimelineStep;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Drives one scenario against a running platform: starts its devices over the real protocols, lets the faults
 * of the timeline happen, polls the service API, and compares what it shows with the expected outcome.
 *
 * <p>It passes as soon as every expectation is met and the devices have run for {@code runFor}; it fails at
 * {@code within} with every expectation still unmet and every alert or ticket nobody expected. The devices run
 * until the verdict, so silence at the end of a run is never mistaken for a fault.
 */
public final class ScenarioRun {

    /** How often set-top boxes publish telemetry and chargers send MeterValues in scenarios. */
    public static final Duration DEVICE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofSeconds(3);

    private final Scenario scenario;
    private final PlatformEndpoints endpoints;
    private final Function<String, String> secretOf;
    private final Consumer<String> log;

    /**
     * @param secretOf each device's secret (broker password or DTLS pre-shared key of a set-top box, HTTP Basic
     *                 password of a charger; Modbus chargers have none)
     * @param log      receives progress lines; never null
     */
    public ScenarioRun(Scenario scenario, PlatformEndpoints endpoints, Function<String, String> secretOf,
                       Consumer<String> log) {
        this.scenario = scenario;
        this.endpoints = endpoints;
        this.secretOf = secretOf;
        this.log = log;
    }

    /** Runs the scenario to its verdict; never throws for a platform that misbehaves, the verdict says so. */
    public ScenarioVerdict run() throws InterruptedException {
        Instant start = Instant.now();
        Instant since = start.minusSeconds(1);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "scenario-" + scenario.name());
            t.setDaemon(true);
            return t;
        });
        Map<String, ScenarioSetTopBox> boxes = new LinkedHashMap<>();
        Map<String, AutoCloseable> chargers = new LinkedHashMap<>();
        try {
            registerSites();
        } catch (IOException e) {
            scheduler.shutdownNow();
            return new ScenarioVerdict(scenario.name(), List.of("the sites could not be registered: "
                    + e.getMessage()), Duration.between(start, Instant.now()));
        }
        try {
            for (ScenarioDevice device : scenario.fleet()) {
                String secret = secretOf.apply(device.id());
                switch (device.protocol()) {
                    case MQTT -> boxes.put(device.id(), ScenarioSetTopBox.start(device, secret,
                            endpoints.mqttUri(), DEVICE_INTERVAL, scheduler));
                    case COAP -> boxes.put(device.id(), ScenarioSetTopBox.startOverCoap(device, secret,
                            required(endpoints.coapsUri(), "a CoAP (DTLS) endpoint"), DEVICE_INTERVAL, Duration.ZERO,
                            scheduler));
                    case OCPP16 -> chargers.put(device.id(), SimulatedCharger.start(chargerSpec(device),
                            endpoints.ocppBaseUri(), scheduler, Duration.ofSeconds(30)));
                    case MODBUS -> chargers.put(device.id(), ModbusCharger.start(device.id(),
                            required(endpoints.modbusPorts().get(device.id()), "a Modbus port for " + device.id()),
                            new ChargerSignals(device.seed(), null, device.group().ratedPowerW()),
                            device.group().charging() != Scenario.Charging.IDLE, DEVICE_INTERVAL, scheduler));
                }
            }
        } catch (Exception e) {
            close(boxes, chargers, scheduler);
            return new ScenarioVerdict(scenario.name(), List.of("devices could not connect: " + e),
                    Duration.between(start, Instant.now()));
        }
        log.accept(scenario.name() + ": " + boxes.size() + " set-top boxes and " + chargers.size()
                + " chargers running");
        for (TimelineStep step : scenario.timeline()) {
            if (step.fault() instanceof Fault.ConnectorFault || step.fault() instanceof Fault.ConnectorOverheating) {
                continue;
            }
            scheduler.schedule(() -> begin(step, boxes, chargers, scheduler), step.at().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        try {
            return awaitVerdict(start, since);
        } finally {
            close(boxes, chargers, scheduler);
        }
    }

    private ScenarioVerdict awaitVerdict(Instant start, Instant since) throws InterruptedException {
        PlatformApi api = new PlatformApi(endpoints.apiUrl(), endpoints.user(), endpoints.password());
        List<String> ids = new ArrayList<>(scenario.fleet().stream().map(ScenarioDevice::id).toList());
        scenario.sites().forEach(site -> ids.add(ScenarioFile.SITE_PREFIX + site));
        Instant ranLongEnough = start.plus(scenario.runFor());
        Instant deadline = start.plus(scenario.within());
        List<String> unmet = List.of("the API was never asked");
        while (true) {
            try {
                unmet = OutcomeCheck.unmet(scenario, api.observe(ids, since));
            } catch (IOException e) {
                unmet = List.of("the API could not be read: " + e.getMessage());
            }
            Instant now = Instant.now();
            if ((unmet.isEmpty() && !now.isBefore(ranLongEnough)) || !now.isBefore(deadline)) {
                return new ScenarioVerdict(scenario.name(), unmet, Duration.between(start, now));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Puts the devices of each site of the scenario at it, before any device starts. */
    private void registerSites() throws IOException, InterruptedException {
        if (scenario.sites().isEmpty()) {
            return;
        }
        PlatformApi api = new PlatformApi(endpoints.apiUrl(), endpoints.user(), endpoints.password());
        for (String site : scenario.sites()) {
            api.assignSite(site, scenario.devicesAt(site));
            log.accept(scenario.name() + ": " + scenario.devicesAt(site).size() + " devices at site " + site);
        }
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("the platform endpoints have no " + what);
        }
        return value;
    }

    private void begin(TimelineStep step, Map<String, ScenarioSetTopBox> boxes,
                       Map<String, AutoCloseable> chargers, ScheduledExecutorService scheduler) {
        for (String id : step.devices()) {
            log.accept(scenario.name() + ": " + step.fault().name() + " begins on " + id);
            ScenarioSetTopBox box = boxes.get(id);
            if (box != null) {
                box.begin(step.fault());
                continue;
            }
            AutoCloseable device = chargers.get(id);
            if (step.fault() instanceof Fault.GoingSilent) {
                closeQuietly(device);
            } else if (step.fault() instanceof Fault.PassingErrors errors
                    && device instanceof SimulatedCharger charger) {
                for (int i = 0; i < errors.times(); i++) {
                    scheduler.schedule(() -> charger.reportPassingError(errors.errorCode()),
                            Math.round(i * errors.everySeconds() * 1000), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** The charger of a scenario device, with the faults its firmware plays from the start on. */
    ChargerSpec chargerSpec(ScenarioDevice device) {
        ChargingPattern pattern = switch (device.group().charging()) {
            case BUSY -> ChargingPattern.busy();
            case IDLE -> new ChargingPattern(Duration.ofDays(365), Duration.ofSeconds(1));
            case SHORT_SESSIONS -> new ChargingPattern(Duration.ofSeconds(1), Duration.ofSeconds(2));
        };
        ChargerSpec spec = ChargerSpec.healthy(device.id(), secretOf.apply(device.id()), device.seed())
                .withModel(device.group().model(), device.group().ratedPowerW())
                .withPattern(pattern)
                .withMeterValueInterval(DEVICE_INTERVAL);
        for (TimelineStep step : scenario.stepsOf(device.id())) {
            if (step.fault() instanceof Fault.ConnectorFault fault) {
                spec = spec.withSuddenFault(new SuddenFault(step.at(), fault.errorCode(), fault.vendorErrorCode(), null));
            } else if (step.fault() instanceof Fault.ConnectorOverheating hot) {
                spec = spec.withOverheating(new io.fleetcare.simulator.charger.ConnectorOverheating(step.at(),
                        hot.degreesPerSecond(), hot.plateauC()));
            }
        }
        return spec;
    }

    private static void close(Map<String, ScenarioSetTopBox> boxes, Map<String, AutoCloseable> chargers,
                              ScheduledExecutorService scheduler) {
        List<AutoCloseable> all = new ArrayList<>(chargers.values());
        all.addAll(boxes.values());
        all.forEach(ScenarioRun::closeQuietly);
        scheduler.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable device) {
        try {
            device.close();
        } catch (Exception e) {
            // closing what may already be gone
        }
    }
}
