package io.fleetcare.simulator;

import io.fleetcare.simulator.fleet.ChargerFleet;
import io.fleetcare.simulator.fleet.FleetPlan;
import io.fleetcare.simulator.fleet.SimulatedFleet;
import io.fleetcare.simulator.scenario.Scenario;
import io.fleetcare.simulator.scenario.ScenarioSetTopBox;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's command line: {@code simulate fleet ...} runs set-top boxes over MQTT and chargers over
 * OCPP 1.6J against a running platform until Ctrl-C or {@code --duration}; {@code simulate scenario ...} lists
 * and runs the fault scenarios with their expected outcomes; {@code simulate load ...} measures rate and
 * latencies with thousands of devices.
 */
public final class Simulate {

    static final String USAGE = """
            usage: java -cp <classpath> io.fleetcare.simulator.Simulate <command> [options]

            commands:
              fleet             run simulated set-top boxes (MQTT, CoAP) and chargers (OCPP 1.6J) until Ctrl-C or
                                --duration, printing sent/failed counts every 10 s
              scenario list     the shipped fault scenarios
              scenario rules    print the detection rules the shipped scenarios are written for (start the
                                platform with them: --rules FILE)
              scenario devices  print "id kind protocol model" of every device of the chosen scenarios, to
                                register them with the platform
              scenario run      drive the chosen scenarios against a running platform, poll its API, and exit
                                1 listing every expectation not met and every unexpected alert or ticket
              load              thousands of chargers and set-top boxes at a given message rate for a duration;
                                prints the achieved rate, send errors and (with --api) fault-to-alert and
                                fault-to-ticket latency p50/p99
              --help            print this text

            fleet options:
              --mqtt URI             MQTT broker of the set-top boxes, e.g. tcp://localhost:1883
              --ocpp URI             OCPP base URL of the chargers, e.g. ws://localhost:8081/ocpp
                                     (each charger connects to <URI>/<chargePointId>, subprotocol ocpp1.6,
                                     HTTP Basic with user = chargePointId)
              --credentials FILE     properties file deviceId=secret for every device (required)
              --set-top-boxes N      set-top boxes STB-0001.. over MQTT (default 0); they obey the platform's
                                     commands (REBOOT, COLLECT_LOGS, GET_CONFIG, SET_CONFIG, SELF_TEST)
              --coap URI             the gateway's CoAP DTLS endpoint, e.g. coaps://127.0.0.1:5684
              --coap-set-top-boxes K set-top boxes CSTB-0001.. over CoAP with DTLS-PSK (key = the device's
                                     secret; default 0); telemetry only, the contract cannot reach them
              --chargers N           chargers CP-0001.. (default 0)
              --overheating N        N set-top boxes get an overheating CPU and N chargers an overheating
                                     connector (each capped at its fleet size; default 0)
              --sudden-faults N      N other chargers report a Faulted connector 3-10 s after start (default 0)
              --seed S               picks the faulty devices and the signal noise (default 1)
              --interval-ms MS       set-top box telemetry interval; chargers send MeterValues every
                                     max(1, MS/1000) s (default 1000)
              --duration D           seconds or ISO-8601 (PT10M); default: until Ctrl-C

            scenario options (devices, run):
              --all | --name N[,N..] | --file F
                                     all shipped scenarios, some by name, or a scenario file (YAML)
            scenario run options:
              --api URL              the service API, e.g. http://localhost:8080
              --user U               a personal API account that may read alerts and tickets
              --password P           its password (default: environment variable FLEETCARE_API_PASSWORD)
              --credentials FILE     properties file deviceId=secret for every device of the scenarios
              --mqtt URI             the broker (needed when a scenario has set-top boxes)
              --ocpp URI             the OCPP base URL (needed when a scenario has chargers over OCPP16)
              --coap URI             the gateway's CoAP DTLS endpoint, e.g. coaps://127.0.0.1:5684 (needed when a
                                     scenario has set-top boxes over COAP; pre-shared key = the device's secret)
              --modbus-devices FILE  the gateway's Modbus devices file (YAML): each Modbus charger of the scenarios
                                     listens on 127.0.0.1 at the port given there, for the gateway to poll
              --sequential           one scenario after the other (default: all at once; each has its own devices)

            load options:
              --chargers N           chargers LD-CP-00001.. over OCPP 1.6J (needs --ocpp)
              --set-top-boxes M      set-top boxes LD-STB-00001.. over MQTT (needs --mqtt); one MQTT client each
              --coap-set-top-boxes K set-top boxes LD-CSTB-00001.. over CoAP with DTLS-PSK (needs --coap URI, e.g.
                                     coaps://127.0.0.1:5684; key = the device's secret); one CoAP endpoint each
              --rate R               messages per second of the whole fleet (each device every (N+M+K)/R s;
                                     chargers round to whole seconds)
              --duration D           how long to send once all are connected: seconds or ISO-8601
              --credentials FILE     deviceId=secret for every device
              --api URL --user U --password P
                                     measure latencies of --faults devices (default 20 with --api): chargers
                                     report a passing GroundFailure, set-top boxes a DECODER_HANG error
              --connect-at-once C    devices connecting at the same time while the fleet comes up (default 32)
              --seed S               picks the faulty devices and the signals (default 1)
              --settle D             how long to wait for the faults' alerts and tickets after the run (default 120 s)

            examples (./simulate is this command line; ./run-demo.sh prints the ports, the API password and the
            credentials file of the platform it starts):
              ./run-demo.sh --scenarios --set-top-boxes 0 --chargers 0
              ./simulate scenario run --all --api http://127.0.0.1:8080 --user admin --password <password> \
                  --credentials demo-data/device-credentials.properties --mqtt tcp://127.0.0.1:<broker port> \
                  --ocpp ws://127.0.0.1:8081/ocpp --coap coaps://127.0.0.1:<DTLS port> \
                  --modbus-devices demo-data/gateway/modbus-devices.yaml
              ./run-demo.sh --set-top-boxes 0 --chargers 0 --load-chargers 7000 --load-set-top-boxes 3000
              ./simulate load --chargers 7000 --set-top-boxes 3000 --rate 1000 --duration 90 \
                  --mqtt tcp://127.0.0.1:<broker port> --ocpp ws://127.0.0.1:8081/ocpp \
                  --credentials demo-data/device-credentials.properties \
                  --api http://127.0.0.1:8080 --user admin --password <password>

            exit status: 0 done (scenario run: every scenario passed), 1 a device could not connect or a scenario
            failed, 2 bad command line
            No SLF4J binding ships with the simulator: put one on the classpath to see the devices' log.
            """;

    private Simulate() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs a command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("scenario")) {
            if (List.of(args).contains("--help")) {
                out.print(USAGE);
                return 0;
            }
            try {
                return ScenarioCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            } catch (FleetOptions.Invalid e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        if (args[0].equals("load")) {
            if (List.of(args).contains("--help")) {
                out.print(USAGE);
                return 0;
            }
            try {
                return LoadCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            } catch (FleetOptions.Invalid e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        if (!args[0].equals("fleet")) {
            err.println("unknown command " + args[0] + "\n");
            err.print(USAGE);
            return 2;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        if (List.of(rest).contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        FleetOptions options;
        try {
            options = FleetOptions.parse(rest);
        } catch (FleetOptions.Invalid e) {
            err.println(e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runFleet(options, out, err, stop);
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for this
            }
        }
    }

    static int runFleet(FleetOptions options, PrintStream out, PrintStream err, CountDownLatch stop) {
        List<String> ids = new ArrayList<>(FleetPlan.setTopBoxIds(options.setTopBoxes()));
        ids.addAll(FleetPlan.chargerIds(options.chargers()));
        ids.addAll(coapSetTopBoxIds(options.coapSetTopBoxes()));
        List<String> missing = ids.stream().filter(id -> !options.secrets().containsKey(id)).toList();
        if (!missing.isEmpty()) {
            err.println("--credentials has no secret for " + missing.size() + " device(s), e.g. " + missing.get(0));
            return 2;
        }
        FleetPlan plan = FleetPlan.setTopBoxes(options.setTopBoxes(),
                        Math.min(options.overheating(), options.setTopBoxes()), options.seed(), options.secrets()::get)
                .plus(chargerPlan(options));
        SimulatedFleet boxes = null;
        ChargerFleet chargers = null;
        List<ScenarioSetTopBox> coapBoxes = new ArrayList<>();
        ScheduledExecutorService coapScheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "coap-set-top-boxes");
            t.setDaemon(true);
            return t;
        });
        try {
            if (options.setTopBoxes() > 0) {
                boxes = SimulatedFleet.start(new FleetPlan(plan.devices()), options.mqttUri(), options.interval());
            }
            startCoapBoxes(options, coapScheduler, coapBoxes);
            if (options.chargers() > 0) {
                chargers = ChargerFleet.start(plan, options.ocppBaseUri());
            }
            out.printf("running %d set-top boxes over MQTT, %d over CoAP and %d chargers (seed %d); faulty: %s%n",
                    plan.devices().size(), coapBoxes.size(), plan.chargers().size(), options.seed(), faulty(plan));
            long deadline = options.duration() == null ? Long.MAX_VALUE
                    : System.nanoTime() + options.duration().toNanos();
            long left = deadline - System.nanoTime();
            while (left > 0 && !stop.await(Math.min(TimeUnit.SECONDS.toNanos(10), left), TimeUnit.NANOSECONDS)) {
                left = deadline - System.nanoTime();
                if (left > 0) {
                    report(out, boxes, coapBoxes, chargers);
                }
            }
            report(out, boxes, coapBoxes, chargers);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            err.println("a device could not connect: " + e);
            return 1;
        } finally {
            if (chargers != null) {
                chargers.close();
            }
            if (boxes != null) {
                boxes.close();
            }
            coapBoxes.forEach(ScenarioSetTopBox::close);
            coapScheduler.shutdownNow();
        }
    }

    /** Ids of the {@code fleet} command's CoAP set-top boxes: {@code CSTB-0001} upwards. */
    static List<String> coapSetTopBoxIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add("CSTB-%04d".formatted(i));
        }
        return ids;
    }

    private static void startCoapBoxes(FleetOptions options, ScheduledExecutorService scheduler,
                                       List<ScenarioSetTopBox> started) throws java.io.IOException {
        Scenario.DeviceGroup group = new Scenario.DeviceGroup(Scenario.Kind.SET_TOP_BOX, Scenario.Protocol.COAP,
                "CSTB", options.coapSetTopBoxes(), FleetPlan.SET_TOP_BOX_MODEL, Scenario.Charging.IDLE, 1);
        java.util.Random seeds = new java.util.Random(options.seed() + 2);
        for (String id : coapSetTopBoxIds(options.coapSetTopBoxes())) {
            started.add(ScenarioSetTopBox.startOverCoap(new Scenario.ScenarioDevice(id, group, seeds.nextLong()),
                    options.secrets().get(id), options.coapsUri(), options.interval(), java.time.Duration.ZERO,
                    scheduler));
        }
    }

    private static FleetPlan chargerPlan(FleetOptions options) {
        FleetPlan plan = FleetPlan.chargers(options.chargers(), Math.min(options.overheating(), options.chargers()),
                options.suddenFaults(), options.seed(), options.secrets()::get);
        java.time.Duration meterInterval = java.time.Duration.ofSeconds(Math.max(1, options.interval().toSeconds()));
        return new FleetPlan(List.of(), plan.chargers().stream().map(c -> c.withMeterValueInterval(meterInterval)).toList());
    }

    private static List<String> faulty(FleetPlan plan) {
        List<String> faulty = new ArrayList<>();
        plan.devices().stream().filter(d -> !d.healthy()).forEach(d -> faulty.add(d.toString()));
        plan.chargers().stream().filter(c -> !c.healthy()).forEach(c -> faulty.add(c.chargePointId()
                + (c.overheating() != null ? " (overheating)" : " (" + c.suddenFault().errorCode() + ")")));
        return faulty;
    }

    private static void report(PrintStream out, SimulatedFleet boxes, List<ScenarioSetTopBox> coapBoxes,
                               ChargerFleet chargers) {
        StringBuilder line = new StringBuilder(java.time.Instant.now().toString());
        if (boxes != null) {
            line.append("  set-top boxes: sent ").append(boxes.published()).append(" failed ").append(boxes.failed());
        }
        if (!coapBoxes.isEmpty()) {
            line.append("  CoAP set-top boxes: sent ").append(coapBoxes.stream().mapToLong(ScenarioSetTopBox::sent).sum())
                    .append(" failed ").append(coapBoxes.stream().mapToLong(ScenarioSetTopBox::failed).sum());
        }
        if (chargers != null) {
            line.append("  chargers: sent ").append(chargers.sent()).append(" failed ").append(chargers.failed());
        }
        out.println(line);
    }
}
