package io.fleetcare.api.ticket;

import io.fleetcare.events.Severity;
import java.util.Objects;

/**
 * How soon a case is to be handled, P1 first. Triage sorts cases by type and urgency before scheduling
 * (seed 000 §4.2 "依据服务类型、紧急程度"); for now the urgency is the severity the detector reported.
 */
public enum TicketPriority {
    P1,
    P2,
    P3,
    P4;

    /**
     * The priority a case opened with this severity gets.
     *
     * @param severity never null
     */
    public static TicketPriority fromSeverity(Severity severity) {
        return switch (Objects.requireNonNull(severity, "severity")) {
            case CRITICAL -> P1;
            case MAJOR -> P2;
            case MINOR -> P3;
            case WARNING -> P4;
        };
    }
}
