package io.fleetcare.simulator.scenario;

import io.fleetcare.simulator.scenario.Scenario.DeviceExpectation;
import io.fleetcare.simulator.scenario.Scenario.ScenarioDevice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares what the platform shows with what a scenario expects. */
public final class OutcomeCheck {

    private OutcomeCheck() {
    }

    /**
     * Every expectation of the scenario that {@code observed} does not meet, and every alert or ticket nobody
     * expected, one readable line each; empty when the outcome is exactly as expected.
     *
     * @param observed what the API shows per device id, and per {@code site:<siteId>} for each site of the scenario
     *                 (its own alert and ticket); a device or site missing from the map has nothing
     */
    public static List<String> unmet(Scenario scenario, Map<String, Observed> observed) {
        List<String> unmet = new ArrayList<>();
        List<String> watched = new ArrayList<>(scenario.fleet().stream().map(ScenarioDevice::id).toList());
        scenario.sites().forEach(site -> watched.add(ScenarioFile.SITE_PREFIX + site));
        for (String id : watched) {
            Observed seen = observed.getOrDefault(id, Observed.NOTHING);
            DeviceExpectation expected = scenario.expectationOf(id)
                    .orElse(new DeviceExpectation(id, List.of(), List.of(), List.of()));
            Set<String> alertRules = new HashSet<>();
            seen.alerts().forEach(a -> alertRules.add(a.ruleId()));
            Set<String> ticketRules = new HashSet<>();
            seen.tickets().forEach(t -> ticketRules.add(t.ruleId()));
            for (String rule : expected.alerts()) {
                if (!alertRules.contains(rule)) {
                    unmet.add(id + ": expected an alert of rule " + rule + ", saw "
                            + (seen.alerts().isEmpty() ? "no alert" : "only " + seen.alerts()));
                }
            }
            for (String rule : expected.tickets()) {
                if (!ticketRules.contains(rule)) {
                    unmet.add(id + ": expected a ticket of rule " + rule + ", saw "
                            + (seen.tickets().isEmpty() ? "no ticket" : "only " + seen.tickets()));
                }
            }
            if (id.startsWith(ScenarioFile.SITE_PREFIX)) {
                for (String rule : ticketRules) {
                    long count = seen.tickets().stream().filter(t -> t.ruleId().equals(rule)).count();
                    if (count > 1) {
                        unmet.add(id + ": " + count + " tickets of rule " + rule + ", a site outage must have one");
                    }
                }
            }
            boolean quiet = expected.alerts().isEmpty() && expected.tickets().isEmpty();
            String why = quiet ? " but it should stay quiet" : " that the scenario does not expect";
            for (Observed.Alert alert : seen.alerts()) {
                if (!expected.alerts().contains(alert.ruleId()) && !expected.alsoAllowed().contains(alert.ruleId())) {
                    unmet.add(id + ": unexpected alert " + alert + why);
                }
            }
            for (Observed.Ticket ticket : seen.tickets()) {
                if (!expected.tickets().contains(ticket.ruleId()) && !expected.alsoAllowed().contains(ticket.ruleId())) {
                    unmet.add(id + ": unexpected ticket " + ticket + why);
                }
            }
        }
        return unmet;
    }
}
