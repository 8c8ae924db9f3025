package io.fleetcare.simulator.load;

import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.charger.ChargingPattern;
import io.fleetcare.simulator.charger.SimulatedCharger;
import io.fleetcare.simulator.fleet.FleetPlan;
import io.fleetcare.simulator.scenario.Fault;
import io.fleetcare.simulator.scenario.PlatformApi;
import io.fleetcare.simulator.scenario.PlatformEndpoints;
import io.fleetcare.simulator.scenario.Scenario;
import io.fleetcare.simulator.scenario.ScenarioSetTopBox;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The load mode: thousands of chargers (OCPP 1.6J over the JDK's WebSocket client, one shared HTTP client, no
 * thread per charger) and set-top boxes (MQTT, one Paho client per box: each device logs in as itself; or CoAP with
 * DTLS-PSK, one Californium endpoint per box) against a
 * running platform, at a given total message rate; a few of them get a fault whose alert and ticket latency is
 * read from the API ({@code receivedAt} of the alert, {@code openedAt} of the ticket, minus the moment the
 * device sent the fault; all clocks of one machine).
 *
 * <p>Faults: a charger reports a passing {@code GroundFailure} (CRITICAL status fault: alert and ticket under
 * the production rules), a set-top box an ERROR event {@code DECODER_HANG} (MAJOR: alert and ticket).
 */
public final class LoadTest {

    private final LoadSettings settings;
    private final PlatformEndpoints endpoints;
    private final Function<String, String> secretOf;
    private final Consumer<String> log;
    private final List<SimulatedCharger> chargers = new CopyOnWriteArrayList<>();
    private final List<ScenarioSetTopBox> boxes = new CopyOnWriteArrayList<>();
    private final AtomicInteger connectFailures = new AtomicInteger();
    private final Map<String, Instant> faultSent = new ConcurrentHashMap<>();

    /**
     * @param endpoints the broker and OCPP endpoint; its API part is used for latencies unless {@code apiUrl} is
     *                  null
     * @param secretOf  each device's secret
     */
    public LoadTest(LoadSettings settings, PlatformEndpoints endpoints, Function<String, String> secretOf,
                    Consumer<String> log) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.secretOf = secretOf;
        this.log = log;
    }

    /**
     * What a load test measured.
     *
     * @param alertLatency  null without an API
     * @param ticketLatency null without an API
     * @param unseenFaults  faults whose alert or ticket the API did not show within the settle time after the run
     */
    public record Report(int devices, int connected, int connectFailures, Duration connectTook, long sent,
                         long sendErrors, Duration sending, double achievedRate, int faults,
                         Percentiles alertLatency, Percentiles ticketLatency, int unseenFaults) {

        public String text() {
            StringBuilder out = new StringBuilder();
            out.append("devices: ").append(connected).append(" of ").append(devices).append(" connected in ")
                    .append(connectTook.toSeconds()).append(" s (").append(connectFailures).append(" failed)\n");
            out.append("sent: ").append(sent).append(" messages in ").append(sending.toSeconds()).append(" s = ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", achievedRate)).append(" msg/s; send errors: ")
                    .append(sendErrors).append('\n');
            if (alertLatency != null) {
                out.append("fault-to-alert latency (").append(faults).append(" faults): ").append(alertLatency)
                        .append('\n');
                out.append("fault-to-ticket latency: ").append(ticketLatency).append('\n');
                out.append("faults without alert or ticket when it stopped waiting: ").append(unseenFaults)
                        .append('\n');
            }
            return out.toString();
        }
    }

    /** Connects the fleet, sends for the duration, measures, and disconnects everything again. */
    public Report run() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, daemon("load-devices"));
        try {
            Instant connectStart = Instant.now();
            connectAll(scheduler);
            Duration connectTook = Duration.between(connectStart, Instant.now());
            log.accept("connected " + (chargers.size() + boxes.size()) + " devices in " + connectTook.toSeconds()
                    + " s (" + connectFailures.get() + " failed); sending for " + settings.duration().toSeconds() + " s");
            long sentBefore = sent();
            long failedBefore = failed();
            Instant start = Instant.now();
            scheduleFaults(scheduler);
            Instant end = start.plus(settings.duration());
            while (Instant.now().isBefore(end)) {
                Thread.sleep(Math.min(10_000, Math.max(1, Duration.between(Instant.now(), end).toMillis())));
                Duration elapsed = Duration.between(start, Instant.now());
                log.accept(String.format(java.util.Locale.ROOT, "%4d s: sent %d (%.1f msg/s), send errors %d",
                        elapsed.toSeconds(), sent() - sentBefore,
                        (sent() - sentBefore) * 1000.0 / Math.max(1, elapsed.toMillis()), failed() - failedBefore));
            }
            Duration sending = Duration.between(start, Instant.now());
            long sent = sent() - sentBefore;
            long errors = failed() - failedBefore + connectFailures.get();
            Percentiles alerts = null;
            Percentiles tickets = null;
            int unseen = 0;
            if (endpoints.apiUrl() != null && !faultSent.isEmpty()) {
                Latencies latencies = measureLatencies(start);
                alerts = latencies.alerts();
                tickets = latencies.tickets();
                unseen = latencies.unseen();
            }
            return new Report(settings.devices(), chargers.size() + boxes.size(), connectFailures.get(), connectTook,
                    sent, errors, sending, sent * 1000.0 / Math.max(1, sending.toMillis()), faultSent.size(), alerts,
                    tickets, unseen);
        } finally {
            closeAll();
            scheduler.shutdownNow();
        }
    }

    private void connectAll(ScheduledExecutorService scheduler) throws InterruptedException {
        Duration interval = settings.deviceInterval();
        Duration meterInterval = Duration.ofSeconds(Math.max(1, Math.round(interval.toMillis() / 1000.0)));
        Random random = new Random(settings.seed());
        ExecutorService connecting = Executors.newFixedThreadPool(settings.connectAtOnce(), daemon("load-connect"));
        List<Future<?>> pending = new ArrayList<>();
        for (String id : LoadSettings.chargerIds(settings.chargers())) {
            long seed = random.nextLong();
            pending.add(connecting.submit(() -> {
                ChargerSpec spec = ChargerSpec.healthy(id, secretOf.apply(id), seed)
                        .withPattern(ChargingPattern.busy()).withMeterValueInterval(meterInterval);
                try {
                    chargers.add(SimulatedCharger.start(spec, endpoints.ocppBaseUri(), scheduler,
                            Duration.ofSeconds(60), Duration.ofSeconds(1)));
                } catch (Exception e) {
                    connectFailed(id, e);
                }
            }));
        }
        Scenario.DeviceGroup boxGroup = new Scenario.DeviceGroup(Scenario.Kind.SET_TOP_BOX, Scenario.Protocol.MQTT,
                "LD-STB", settings.setTopBoxes(), FleetPlan.SET_TOP_BOX_MODEL, Scenario.Charging.IDLE, 1);
        Scenario.DeviceGroup coapGroup = new Scenario.DeviceGroup(Scenario.Kind.SET_TOP_BOX, Scenario.Protocol.COAP,
                "LD-CSTB", settings.coapSetTopBoxes(), FleetPlan.SET_TOP_BOX_MODEL, Scenario.Charging.IDLE, 1);
        for (String id : LoadSettings.setTopBoxIds(settings.setTopBoxes())) {
            long seed = random.nextLong();
            Duration firstAfter = Duration.ofMillis((long) (random.nextDouble() * interval.toMillis()));
            pending.add(connecting.submit(() -> {
                try {
                    boxes.add(ScenarioSetTopBox.start(new Scenario.ScenarioDevice(id, boxGroup, seed),
                            secretOf.apply(id), endpoints.mqttUri(), interval, firstAfter, scheduler));
                } catch (Exception e) {
                    connectFailed(id, e);
                }
            }));
        }
        for (String id : LoadSettings.coapSetTopBoxIds(settings.coapSetTopBoxes())) {
            long seed = random.nextLong();
            Duration firstAfter = Duration.ofMillis((long) (random.nextDouble() * interval.toMillis()));
            pending.add(connecting.submit(() -> {
                try {
                    boxes.add(ScenarioSetTopBox.startOverCoap(new Scenario.ScenarioDevice(id, coapGroup, seed),
                            secretOf.apply(id), endpoints.coapsUri(), interval, firstAfter, scheduler));
                } catch (Exception e) {
                    connectFailed(id, e);
                }
            }));
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                connectFailures.incrementAndGet();
            }
        }
        connecting.shutdown();
    }

    private void connectFailed(String id, Exception e) {
        if (connectFailures.incrementAndGet() <= 5) {
            log.accept("device " + id + " could not connect: " + e);
        }
    }

    private void scheduleFaults(ScheduledExecutorService scheduler) {
        List<Object> candidates = new ArrayList<>();
        List<SimulatedCharger> c = new ArrayList<>(chargers);
        List<ScenarioSetTopBox> b = new ArrayList<>(boxes);
        Random random = new Random(settings.seed() + 1);
        Collections.shuffle(c, random);
        Collections.shuffle(b, random);
        for (int i = 0; candidates.size() < settings.faults() && (i < c.size() || i < b.size()); i++) {
            if (i < c.size()) {
                candidates.add(c.get(i));
            }
            if (i < b.size() && candidates.size() < settings.faults()) {
                candidates.add(b.get(i));
            }
        }
        long window = settings.duration().toMillis() / 2;
        for (int i = 0; i < candidates.size(); i++) {
            Object device = candidates.get(i);
            long at = window / 4 + (candidates.size() == 1 ? 0 : window * i / (candidates.size() - 1));
            scheduler.schedule(() -> fault(device), at, TimeUnit.MILLISECONDS);
        }
    }

    private void fault(Object device) {
        if (device instanceof SimulatedCharger charger) {
            faultSent.put(charger.spec().chargePointId(), Instant.now());
            charger.reportPassingError("GroundFailure");
        } else if (device instanceof ScenarioSetTopBox box) {
            faultSent.put(box.deviceId(), Instant.now());
            box.begin(new Fault.ErrorReport("DECODER_HANG"));
        }
    }

    private record Latencies(Percentiles alerts, Percentiles tickets, int unseen) {
    }

    private Latencies measureLatencies(Instant start) throws InterruptedException {
        PlatformApi api = new PlatformApi(endpoints.apiUrl(), endpoints.user(), endpoints.password());
        Instant deadline = Instant.now().plus(settings.settle());
        Map<String, Duration> alerts = new ConcurrentHashMap<>();
        Map<String, Duration> tickets = new ConcurrentHashMap<>();
        while (true) {
            try {
                for (PlatformApi.Timed a : api.alertsReceived(start)) {
                    Instant sent = faultSent.get(a.deviceId());
                    if (sent != null && faultRule(a.ruleId())) {
                        alerts.merge(a.deviceId(), Duration.between(sent, a.at()), (x, y) -> x.compareTo(y) <= 0 ? x : y);
                    }
                }
                for (PlatformApi.Timed t : api.ticketsOpened(start)) {
                    Instant sent = faultSent.get(t.deviceId());
                    if (sent != null && faultRule(t.ruleId())) {
                        tickets.merge(t.deviceId(), Duration.between(sent, t.at()), (x, y) -> x.compareTo(y) <= 0 ? x : y);
                    }
                }
            } catch (java.io.IOException e) {
                log.accept("API not readable: " + e.getMessage());
                if (e.getMessage() != null && (e.getMessage().contains(" answered 401") || e.getMessage().contains(" answered 403"))) {
                    return new Latencies(new Percentiles(List.of()), new Percentiles(List.of()), faultSent.size());
                }
            }
            boolean all = alerts.keySet().containsAll(faultSent.keySet()) && tickets.keySet().containsAll(faultSent.keySet());
            if (all || Instant.now().isAfter(deadline)) {
                java.util.Set<String> unseen = new java.util.HashSet<>(faultSent.keySet());
                unseen.removeIf(id -> alerts.containsKey(id) && tickets.containsKey(id));
                return new Latencies(new Percentiles(new ArrayList<>(alerts.values())),
                        new Percentiles(new ArrayList<>(tickets.values())), unseen.size());
            }
            Thread.sleep(2_000);
        }
    }

    private static boolean faultRule(String ruleId) {
        return ruleId.equals("charger.status-fault") || ruleId.equals("stb.error");
    }

    private long sent() {
        return chargers.stream().mapToLong(SimulatedCharger::sent).sum()
                + boxes.stream().mapToLong(ScenarioSetTopBox::sent).sum();
    }

    private long failed() {
        return chargers.stream().mapToLong(SimulatedCharger::failed).sum()
                + boxes.stream().mapToLong(ScenarioSetTopBox::failed).sum();
    }

    private void closeAll() {
        ExecutorService closing = Executors.newFixedThreadPool(16, daemon("load-close"));
        chargers.forEach(c -> closing.execute(c::close));
        boxes.forEach(b -> closing.execute(b::close));
        closing.shutdown();
        try {
            closing.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
