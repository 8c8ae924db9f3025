package io.fleetcare.simulator.scenario;

import static io.fleetcare.simulator.scenario.OutcomeCheckTest.scenario;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.simulator.scenario.Scenario.ScenarioDevice;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {

    private static final String HEAD = """
            name: t
            description: d
            rules: scenario-rules.yaml
            runFor: PT10S
            within: PT20S
            """;

    @Test
    void groupsBecomeNumberedDevicesWithTheirKindModelAndSeed() {
        Scenario s = scenario(HEAD + """
                seed: 5
                devices:
                  - {kind: SET_TOP_BOX, protocol: MQTT, idPrefix: A-STB, count: 2}
                  - {kind: EV_CHARGER, protocol: OCPP16, idPrefix: A-CP, count: 1, model: DC-150-HPC, ratedPowerKw: 150, charging: short-sessions}
                timeline:
                  - {at: PT2S, devices: [A-CP-01], fault: connector-fault, errorCode: GroundFailure}
                """);

        assertThat(s.fleet()).extracting(ScenarioDevice::id).containsExactly("A-STB-01", "A-STB-02", "A-CP-01");
        ScenarioDevice charger = s.fleet().get(2);
        assertThat(charger.group().model()).isEqualTo("DC-150-HPC");
        assertThat(charger.group().ratedPowerW()).isEqualTo(150_000.0);
        assertThat(charger.group().charging()).isEqualTo(Scenario.Charging.SHORT_SESSIONS);
        assertThat(s.stepsOf("A-CP-01")).singleElement()
                .satisfies(step -> assertThat(step.fault()).isEqualTo(new Fault.ConnectorFault("GroundFailure", null)));
        assertThat(s.fleet()).isEqualTo(scenario(HEAD + """
                seed: 5
                devices:
                  - {kind: SET_TOP_BOX, protocol: MQTT, idPrefix: A-STB, count: 2}
                  - {kind: EV_CHARGER, protocol: OCPP16, idPrefix: A-CP, count: 1, model: DC-150-HPC, ratedPowerKw: 150, charging: short-sessions}
                """).fleet());
    }

    @Test
    void refusesFilesThatCannotBeRunWithAMessageNamingTheProblem() {
        String box = "devices:\n  - {kind: SET_TOP_BOX, protocol: MQTT, idPrefix: B-STB, count: 1}\n";
        assertThatThrownBy(() -> scenario(HEAD.replace("name: t\n", "") + box))
                .hasMessage("test.yaml: name is required");
        assertThatThrownBy(() -> scenario(HEAD + box + "timeline:\n  - {at: PT1S, devices: [B-STB-09], fault: going-silent}\n"))
                .hasMessage("test.yaml: B-STB-09 is not a device of the scenario");
        assertThatThrownBy(() -> scenario(HEAD + box + "timeline:\n  - {at: PT1S, devices: [B-STB-01], fault: connector-fault, errorCode: GroundFailure}\n"))
                .hasMessage("test.yaml: connector-fault is not a fault of a SET_TOP_BOX (B-STB-01)");
        assertThatThrownBy(() -> scenario(HEAD + box + "timeline:\n  - {at: PT1S, devices: [B-STB-01], fault: melting}\n"))
                .hasMessage("test.yaml: unknown fault melting");
        assertThatThrownBy(() -> scenario(HEAD + box + "timeline:\n  - {at: 5s, devices: [B-STB-01], fault: going-silent}\n"))
                .hasMessageContaining("at must be an ISO-8601 duration");
        assertThatThrownBy(() -> scenario(HEAD + "devices:\n  - {kind: SET_TOP_BOX, protocol: OCPP16, idPrefix: B, count: 1}\n"))
                .hasMessageContaining("not a SET_TOP_BOX over OCPP16");
        assertThatThrownBy(() -> scenario(HEAD + box + "expect:\n  - {device: B-STB-01, alerts: [x], colour: red}\n"))
                .hasMessage("test.yaml: unknown field colour");
        assertThatThrownBy(() -> scenario(HEAD.replace("PT20S", "PT5S") + box))
                .hasMessage("test.yaml: within must not be shorter than runFor");
    }

    @Test
    void setTopBoxesRunOverMqttOrCoapAndChargersOverOcppOrModbus() {
        Scenario s = scenario(HEAD + """
                devices:
                  - {kind: SET_TOP_BOX, protocol: COAP, idPrefix: D-STB, count: 1}
                  - {kind: EV_CHARGER, protocol: MODBUS, idPrefix: D-CP, count: 1}
                timeline:
                  - {at: PT1S, devices: [D-CP-01], fault: going-silent}
                """);

        assertThat(s.fleet()).extracting(ScenarioDevice::protocol)
                .containsExactly(Scenario.Protocol.COAP, Scenario.Protocol.MODBUS);
        assertThatThrownBy(() -> scenario(HEAD + "devices:\n  - {kind: EV_CHARGER, protocol: COAP, idPrefix: D, count: 1}\n"))
                .hasMessageContaining("not a EV_CHARGER over COAP");
        assertThatThrownBy(() -> scenario(HEAD + "devices:\n  - {kind: SET_TOP_BOX, protocol: MODBUS, idPrefix: D, count: 1}\n"))
                .hasMessageContaining("not a SET_TOP_BOX over MODBUS");
    }

    @Test
    void aModbusChargerCanOnlyGoSilent() {
        assertThatThrownBy(() -> scenario(HEAD + """
                devices:
                  - {kind: EV_CHARGER, protocol: MODBUS, idPrefix: M-CP, count: 1}
                timeline:
                  - {at: PT1S, devices: [M-CP-01], fault: connector-fault, errorCode: GroundFailure}
                """)).hasMessage("test.yaml: a charger over MODBUS has only the fault going-silent, not "
                + "connector-fault (M-CP-01)");
    }

    @Test
    void aPassingErrorNeedsAnOcppErrorCode() {
        assertThatThrownBy(() -> scenario(HEAD + """
                devices:
                  - {kind: EV_CHARGER, protocol: OCPP16, idPrefix: C-CP, count: 1}
                timeline:
                  - {at: PT1S, devices: [C-CP-01], fault: passing-errors, errorCode: Sparks, times: 4, everySeconds: 1}
                """)).hasMessage("test.yaml: Sparks is not an OCPP 1.6 error code for a fault");
    }

    @Test
    void setTopBoxFaultsBendTheSignalsFromTheirOnset() {
        java.util.Map<String, Double> metrics = new java.util.HashMap<>(java.util.Map.of(
                "cpu_temp_c", 60.0, "mem_free_mb", 210.0, "tuner_snr_db", 31.0));

        ScenarioSetTopBox.apply(new Fault.CpuOverheating(2, 96), 10, metrics);
        ScenarioSetTopBox.apply(new Fault.MemoryLeak(1.5), 20, metrics);
        ScenarioSetTopBox.apply(new Fault.SignalDegradation(0.15), 40, metrics);

        assertThat(metrics).containsEntry("cpu_temp_c", 80.0).containsEntry("mem_free_mb", 180.0)
                .containsEntry("tuner_snr_db", 25.0);
        ScenarioSetTopBox.apply(new Fault.CpuOverheating(2, 96), 100, metrics);
        assertThat(metrics.get("cpu_temp_c")).isEqualTo(96.0);
        List<Double> flapping = new java.util.ArrayList<>();
        for (int second = 0; second < 16; second += 2) {
            ScenarioSetTopBox.apply(new Fault.TemperatureFlapping(82, 88, 4), second, metrics);
            flapping.add(metrics.get("cpu_temp_c"));
        }
        assertThat(flapping).containsExactly(88.0, 88.0, 82.0, 82.0, 88.0, 88.0, 82.0, 82.0);
    }

    @Test
    void aSiteNamesItsDevicesForTheTimelineAndTheExpectationsAndHasAnExpectationOfItsOwn() {
        Scenario s = scenario(HEAD + """
                devices:
                  - {kind: EV_CHARGER, protocol: OCPP16, idPrefix: S-PARK, count: 150, site: PARK-1}
                  - {kind: EV_CHARGER, protocol: OCPP16, idPrefix: S-SHOP, count: 2, site: SHOP-1}
                timeline:
                  - {at: PT1S, site: PARK-1, fault: going-silent}
                expect:
                  - {site: PARK-1, alerts: [charger.offline]}
                  - {device: S-PARK-07, alerts: [charger.offline], tickets: [charger.offline]}
                  - {device: "site:PARK-1", alerts: [site.offline], tickets: [site.offline]}
                """);

        assertThat(s.sites()).containsExactly("PARK-1", "SHOP-1");
        assertThat(s.devicesAt("PARK-1")).hasSize(150).startsWith("S-PARK-01").endsWith("S-PARK-150");
        assertThat(s.timeline()).singleElement().satisfies(step ->
                assertThat(step.devices()).isEqualTo(s.devicesAt("PARK-1")));
        assertThat(s.expectationOf("S-PARK-01")).hasValueSatisfying(e -> {
            assertThat(e.alerts()).containsExactly("charger.offline");
            assertThat(e.tickets()).isEmpty();
        });
        assertThat(s.expectationOf("S-PARK-07")).hasValueSatisfying(e ->
                assertThat(e.tickets()).containsExactly("charger.offline"));
        assertThat(s.expectationOf("site:PARK-1")).hasValueSatisfying(e ->
                assertThat(e.tickets()).containsExactly("site.offline"));
        assertThat(s.expectationOf("S-SHOP-01")).isEmpty();
        assertThat(s.expectationOf("site:SHOP-1")).isEmpty();
    }

    @Test
    void refusesASiteThatIsNotOneOfTheScenario() {
        String park = "devices:\n  - {kind: EV_CHARGER, protocol: OCPP16, idPrefix: P-CP, count: 2, site: P-1}\n";
        assertThatThrownBy(() -> scenario(HEAD + park + "timeline:\n  - {at: PT1S, site: P-2, fault: going-silent}\n"))
                .hasMessage("test.yaml: P-2 is not a site of the scenario");
        assertThatThrownBy(() -> scenario(HEAD + park + "expect:\n  - {device: \"site:P-2\", alerts: [site.offline]}\n"))
                .hasMessageContaining("expect names site:P-2, which is not a device or site");
        assertThatThrownBy(() -> scenario(HEAD + park + "expect:\n  - {site: P-2, alerts: [charger.offline]}\n"))
                .hasMessageContaining("expect names site P-2");
        assertThatThrownBy(() -> scenario(HEAD + park.replace("P-1", "P 1")))
                .hasMessageContaining("site P 1 must be letters, digits and '-'");
        assertThatThrownBy(() -> scenario(HEAD + park.replace("count: 2", "count: 201")))
                .hasMessage("test.yaml: count must be 1..200");
    }
}
