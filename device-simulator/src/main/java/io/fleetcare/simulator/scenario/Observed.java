package io.fleetcare.simulator.scenario;

import java.util.List;

/**
 * What the platform's API shows for one device: its alerts and tickets.
 *
 * @param alerts  never null
 * @param tickets never null
 */
public record Observed(List<Alert> alerts, List<Ticket> tickets) {

    public static final Observed NOTHING = new Observed(List.of(), List.of());

    public Observed {
        alerts = List.copyOf(alerts);
        tickets = List.copyOf(tickets);
    }

    /** An alert as the API lists it; state RAISED or CLEARED. */
    public record Alert(String ruleId, String severity, String state) {
        @Override
        public String toString() {
            return ruleId + " (" + severity + ", " + state + ")";
        }
    }

    /** A ticket as the API lists it. */
    public record Ticket(String number, String ruleId) {
        @Override
        public String toString() {
            return number + " " + ruleId;
        }
    }
}
