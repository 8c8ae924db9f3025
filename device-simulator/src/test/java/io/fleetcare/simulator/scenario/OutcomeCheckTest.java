package io.fleetcare.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeCheckTest {

    private static final Scenario OVERHEATING = scenario("""
            name: overheating
            description: one box overheats
            rules: scenario-rules.yaml
            runFor: PT10S
            within: PT60S
            devices:
              - {kind: SET_TOP_BOX, protocol: MQTT, idPrefix: T-STB, count: 2}
            timeline:
              - {at: PT1S, devices: [T-STB-01], fault: cpu-overheating, degreesPerSecond: 2, plateauC: 96}
            expect:
              - {device: T-STB-01, alerts: [stb.cpu-overheat], tickets: [stb.cpu-overheat], alsoAllowed: [stb.error]}
            """);

    @Test
    void anOutcomeExactlyAsExpectedLeavesNothingUnmet() {
        Map<String, Observed> observed = Map.of("T-STB-01", new Observed(
                List.of(new Observed.Alert("stb.cpu-overheat", "MAJOR", "RAISED")),
                List.of(new Observed.Ticket("TK-2026-000001", "stb.cpu-overheat"))));

        assertThat(OutcomeCheck.unmet(OVERHEATING, observed)).isEmpty();
    }

    @Test
    void aDetectorThatRaisesNothingFailsTheScenarioNamingTheMissingAlertAndTicket() {
        List<String> unmet = OutcomeCheck.unmet(OVERHEATING, Map.of());

        assertThat(unmet).containsExactly(
                "T-STB-01: expected an alert of rule stb.cpu-overheat, saw no alert",
                "T-STB-01: expected a ticket of rule stb.cpu-overheat, saw no ticket");
    }

    @Test
    void anAlertWithoutItsTicketFailsNamingWhatWasSeen() {
        Map<String, Observed> observed = Map.of("T-STB-01", new Observed(
                List.of(new Observed.Alert("stb.cpu-overheat", "MAJOR", "RAISED")), List.of()));

        assertThat(OutcomeCheck.unmet(OVERHEATING, observed))
                .containsExactly("T-STB-01: expected a ticket of rule stb.cpu-overheat, saw no ticket");
    }

    @Test
    void anyAlertOrTicketOfADeviceThatShouldStayQuietIsListed() {
        Map<String, Observed> observed = Map.of(
                "T-STB-01", new Observed(List.of(new Observed.Alert("stb.cpu-overheat", "MAJOR", "RAISED")),
                        List.of(new Observed.Ticket("TK-1", "stb.cpu-overheat"))),
                "T-STB-02", new Observed(List.of(new Observed.Alert("stb.offline", "MINOR", "CLEARED")),
                        List.of(new Observed.Ticket("TK-2", "stb.offline"))));

        assertThat(OutcomeCheck.unmet(OVERHEATING, observed)).containsExactly(
                "T-STB-02: unexpected alert stb.offline (MINOR, CLEARED) but it should stay quiet",
                "T-STB-02: unexpected ticket TK-2 stb.offline but it should stay quiet");
    }

    @Test
    void aFaultyDeviceMayHaveTheAllowedRulesButNoOthers() {
        Map<String, Observed> observed = Map.of("T-STB-01", new Observed(List.of(
                new Observed.Alert("stb.cpu-overheat", "MAJOR", "RAISED"),
                new Observed.Alert("stb.error", "MINOR", "RAISED"),
                new Observed.Alert("stb.reboot-loop", "MAJOR", "RAISED")),
                List.of(new Observed.Ticket("TK-1", "stb.cpu-overheat"))));

        assertThat(OutcomeCheck.unmet(OVERHEATING, observed)).containsExactly(
                "T-STB-01: unexpected alert stb.reboot-loop (MAJOR, RAISED) that the scenario does not expect");
    }

    @Test
    void theVerdictReportNamesTheScenarioAndEveryUnmetExpectation() {
        ScenarioVerdict verdict = new ScenarioVerdict("overheating", OutcomeCheck.unmet(OVERHEATING, Map.of()),
                java.time.Duration.ofSeconds(60));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.report()).isEqualTo("""
                FAILED overheating after 60 s:
                  - T-STB-01: expected an alert of rule stb.cpu-overheat, saw no alert
                  - T-STB-01: expected a ticket of rule stb.cpu-overheat, saw no ticket""");
    }

    @Test
    void aSiteIsWatchedLikeADeviceAndAnOutageMayHaveOnlyOneTicket() {
        Scenario outage = scenario("""
                name: outage
                description: a site goes dark
                rules: scenario-rules.yaml
                runFor: PT10S
                within: PT60S
                devices:
                  - {kind: EV_CHARGER, protocol: OCPP16, idPrefix: O-CP, count: 2, site: O-PARK}
                  - {kind: EV_CHARGER, protocol: OCPP16, idPrefix: O-SHOP, count: 1, site: O-SHOP}
                timeline:
                  - {at: PT1S, site: O-PARK, fault: going-silent}
                expect:
                  - {site: O-PARK, alerts: [charger.offline]}
                  - {device: "site:O-PARK", alerts: [site.offline], tickets: [site.offline]}
                """);
        Observed offline = new Observed(List.of(new Observed.Alert("charger.offline", "MAJOR", "RAISED")), List.of());
        Observed.Alert siteAlert = new Observed.Alert("site.offline", "MAJOR", "RAISED");

        assertThat(OutcomeCheck.unmet(outage, Map.of("O-CP-01", offline, "O-CP-02", offline,
                "site:O-PARK", new Observed(List.of(siteAlert), List.of(new Observed.Ticket("TK-1", "site.offline"))))))
                .isEmpty();
        Observed twoTickets = new Observed(List.of(siteAlert), List.of(new Observed.Ticket("TK-1", "site.offline"),
                new Observed.Ticket("TK-2", "site.offline")));
        assertThat(OutcomeCheck.unmet(outage, Map.of("O-CP-01", offline, "O-CP-02", offline,
                "site:O-PARK", twoTickets, "site:O-SHOP", new Observed(List.of(siteAlert), List.of()))))
                .containsExactly("site:O-PARK: 2 tickets of rule site.offline, a site outage must have one",
                        "site:O-SHOP: unexpected alert " + siteAlert + " but it should stay quiet");
        assertThat(OutcomeCheck.unmet(outage, Map.of("O-CP-01", offline, "O-CP-02", offline)))
                .containsExactly("site:O-PARK: expected an alert of rule site.offline, saw no alert",
                        "site:O-PARK: expected a ticket of rule site.offline, saw no ticket");
    }

    static Scenario scenario(String yaml) {
        try {
            return ScenarioFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
