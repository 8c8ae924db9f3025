package io.fleetcare.simulator.scenario;

import java.time.Duration;
import java.util.List;

/**
 * How a scenario run ended.
 *
 * @param unmet  every expectation not met and every unexpected alert or ticket; empty when it passed
 * @param took   from the start of the devices to the verdict
 */
public record ScenarioVerdict(String scenario, List<String> unmet, Duration took) {

    public ScenarioVerdict {
        unmet = List.copyOf(unmet);
    }

    public boolean passed() {
        return unmet.isEmpty();
    }

    /** One line per unmet expectation under a heading naming the scenario. */
    public String report() {
        if (passed()) {
            return "PASSED " + scenario + " in " + took.toSeconds() + " s";
        }
        StringBuilder text = new StringBuilder("FAILED " + scenario + " after " + took.toSeconds() + " s:");
        unmet.forEach(line -> text.append("\n  - ").append(line));
        return text.toString();
    }
}
