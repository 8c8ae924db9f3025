package io.fleetcare.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetcare.simulator.scenario.Scenario.ScenarioDevice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioLibraryTest {

    private final List<Scenario> library = ScenarioFile.library();

    @Test
    void theLibraryHasAtLeastEightScenariosWrittenForTheShippedRules() {
        assertThat(library).hasSizeGreaterThanOrEqualTo(8);
        assertThat(library).extracting(Scenario::rules).containsOnly(ScenarioFile.SCENARIO_RULES);
        assertThat(library).extracting(Scenario::name).doesNotHaveDuplicates();
    }

    @Test
    void noTwoScenariosShareADeviceSoTheyCanRunAtTheSameTimeOnOnePlatform() {
        List<String> ids = library.stream().flatMap(s -> s.fleet().stream()).map(ScenarioDevice::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void everyRuleOfTheScenarioRulesIsExpectedToFireInSomeScenario() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(ScenarioFile.scenarioRules());
        Set<String> ruleIds = new HashSet<>();
        rules.forEach(kind -> kind.forEach(rule -> ruleIds.add(rule.path("id").asText())));
        Set<String> expected = new HashSet<>();
        Set<String> ofSites = new HashSet<>();
        library.forEach(s -> s.expect().forEach(e -> {
            Set<String> into = e.device().startsWith(ScenarioFile.SITE_PREFIX) ? ofSites : expected;
            into.addAll(e.alerts());
            into.addAll(e.tickets());
        }));

        assertThat(expected).containsExactlyInAnyOrderElementsOf(ruleIds);
        // a site's own alert and ticket come from the service's site correlation, not from the stream job's rules
        assertThat(ofSites).containsExactly("site.offline");
        assertThat(rules.fieldNames()).toIterable().containsExactlyInAnyOrder(
                "thresholds", "statusFaults", "errorEvents", "offline", "rates", "trends", "usage");
    }

    @Test
    void theLibraryDrivesEveryProtocolAndEachHasADeviceThatMustRaiseSomething() {
        Set<Scenario.Protocol> used = new HashSet<>();
        Set<Scenario.Protocol> expectedToRaise = new HashSet<>();
        for (Scenario s : library) {
            s.fleet().forEach(d -> used.add(d.protocol()));
            s.expect().stream().filter(e -> !e.alerts().isEmpty())
                    .filter(e -> !e.device().startsWith(ScenarioFile.SITE_PREFIX)).forEach(e -> expectedToRaise.add(
                    s.fleet().stream().filter(d -> d.id().equals(e.device())).findFirst().orElseThrow().protocol()));
        }

        assertThat(used).containsExactlyInAnyOrder(Scenario.Protocol.values());
        assertThat(expectedToRaise).containsExactlyInAnyOrder(Scenario.Protocol.values());
    }

    @Test
    void bothDeviceKindsHaveFaultsAndAHealthyFleetExpectsNothing() {
        Set<Scenario.Kind> faulty = new HashSet<>();
        for (Scenario s : library) {
            s.timeline().forEach(step -> step.devices().forEach(id -> faulty.add(
                    s.fleet().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow().kind())));
        }
        List<Scenario> quiet = new ArrayList<>(library.stream()
                .filter(s -> s.expect().isEmpty() && s.timeline().isEmpty()).toList());

        assertThat(faulty).containsExactlyInAnyOrder(Scenario.Kind.values());
        assertThat(quiet).extracting(Scenario::name).contains("healthy-fleet");
        assertThat(quiet.get(0).fleet()).extracting(ScenarioDevice::kind)
                .contains(Scenario.Kind.SET_TOP_BOX, Scenario.Kind.EV_CHARGER);
    }
}
