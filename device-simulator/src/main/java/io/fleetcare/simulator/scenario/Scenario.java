package io.fleetcare.simulator.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fault scenario: which devices run, what happens to them when, and what the platform must make of it.
 * Read from a YAML file by {@link ScenarioFile}; run against a platform by {@link ScenarioRun}.
 *
 * @param name        short, unique within the library; never null
 * @param description what the scenario shows; never null
 * @param seed        fixes the devices' signals: the same seed gives the same run
 * @param rules       name of the detection-rules file the expectations are written for (the platform must run
 *                    with it); never null
 * @param runFor      how long the devices run at least, and so how long the quiet ones are watched; never null
 * @param within      by when, after the start, every expectation must be met; never null, at least runFor
 * @param devices     the device groups; never null, not empty
 * @param timeline    the faults, in any order; never null
 * @param expect      what must happen to which device or site ({@code site:<siteId>}, the site's own alert and
 *                    ticket); every device and site of the scenario not named here must stay quiet (no alert, no
 *                    ticket); never null
 */
public record Scenario(String name, String description, long seed, String rules, Duration runFor, Duration within,
                       List<DeviceGroup> devices, List<TimelineStep> timeline, List<DeviceExpectation> expect) {

    public Scenario {
        devices = List.copyOf(devices);
        timeline = List.copyOf(timeline);
        expect = List.copyOf(expect);
    }

    /** Every device of the scenario, group by group, with its id and its own seed. */
    public List<ScenarioDevice> fleet() {
        List<ScenarioDevice> fleet = new ArrayList<>();
        java.util.Random seeds = new java.util.Random(seed);
        for (DeviceGroup group : devices) {
            for (int i = 1; i <= group.count(); i++) {
                fleet.add(new ScenarioDevice("%s-%02d".formatted(group.idPrefix(), i), group, seeds.nextLong()));
            }
        }
        return fleet;
    }

    /** The sites of the scenario's device groups, each once, in order. */
    public List<String> sites() {
        return devices.stream().map(DeviceGroup::site).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The ids of the devices at the site. */
    public List<String> devicesAt(String site) {
        return fleet().stream().filter(d -> site.equals(d.group().site())).map(ScenarioDevice::id).toList();
    }

    /** The timeline steps of one device, earliest first. */
    public List<TimelineStep> stepsOf(String deviceId) {
        return timeline.stream().filter(s -> s.devices().contains(deviceId))
                .sorted(java.util.Comparator.comparing(TimelineStep::at)).toList();
    }

    /** What must happen to the device; empty when it must stay quiet. */
    public Optional<DeviceExpectation> expectationOf(String deviceId) {
        return expect.stream().filter(e -> e.device().equals(deviceId)).findFirst();
    }

    /** Device kinds of the simulator. */
    public enum Kind { SET_TOP_BOX, EV_CHARGER }

    /**
     * Protocols the simulator speaks: set-top boxes over MQTT or CoAP (DTLS-PSK), chargers over OCPP 1.6J or as a
     * Modbus TCP slave the gateway polls.
     */
    public enum Protocol {
        MQTT(Kind.SET_TOP_BOX), COAP(Kind.SET_TOP_BOX), OCPP16(Kind.EV_CHARGER), MODBUS(Kind.EV_CHARGER);

        private final Kind kind;

        Protocol(Kind kind) {
            this.kind = kind;
        }

        /** The device kind the simulator runs over this protocol. */
        public Kind kind() {
            return kind;
        }
    }

    /** How a charger is used: always charging, never, or short sessions one after the other. */
    public enum Charging { BUSY, IDLE, SHORT_SESSIONS }

    /**
     * Devices alike: ids {@code <idPrefix>-01} upwards.
     *
     * @param ratedPowerW chargers only: what a vehicle draws while charging
     * @param charging    chargers only; never null
     * @param site        the site the devices run at, registered with the platform before the run
     *                    ({@code PUT /api/sites/{site}/devices}); null for none
     */
    public record DeviceGroup(Kind kind, Protocol protocol, String idPrefix, int count, String model,
                              Charging charging, double ratedPowerW, String site) {

        /** Devices at no site. */
        public DeviceGroup(Kind kind, Protocol protocol, String idPrefix, int count, String model,
                           Charging charging, double ratedPowerW) {
            this(kind, protocol, idPrefix, count, model, charging, ratedPowerW, null);
        }
    }

    /** One device of a scenario. */
    public record ScenarioDevice(String id, DeviceGroup group, long seed) {
        public Kind kind() {
            return group.kind();
        }

        public Protocol protocol() {
            return group.protocol();
        }
    }

    /**
     * At {@code at} after the start, {@code fault} begins on each of {@code devices}.
     *
     * @param devices ids of the scenario's devices; never null, not empty
     */
    public record TimelineStep(Duration at, List<String> devices, Fault fault) {
        public TimelineStep {
            devices = List.copyOf(devices);
        }
    }

    /**
     * What must happen to one device within the scenario's {@code within}.
     *
     * @param alerts      rule ids that must each have raised an alert for the device
     * @param tickets     rule ids that must each have a ticket for the device
     * @param alsoAllowed rule ids that may raise an alert or open a ticket besides; anything else is unexpected
     */
    public record DeviceExpectation(String device, List<String> alerts, List<String> tickets,
                                    List<String> alsoAllowed) {
        public DeviceExpectation {
            alerts = List.copyOf(alerts);
            tickets = List.copyOf(tickets);
            alsoAllowed = List.copyOf(alsoAllowed);
        }
    }
}
