package io.fleetcare.api.ticket;

import io.fleetcare.api.customer.CustomerTier;
import io.fleetcare.events.Severity;
import java.util.Objects;

/**
 * How soon a case is to be handled, P1 first. Triage sorts cases by type and urgency before scheduling
 * (seed 000 §4.2 "依据服务类型、紧急程度"): the urgency is the severity the detector or the person reported,
 * adjusted by the tier of the customer who owns the device for differentiated service (seed 001 §七(一)2).
 */
public enum TicketPriority {
    P1,
    P2,
    P3,
    P4;

    /**
     * The priority a case opened with this severity gets when the device has no known owner (or a B customer).
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

    /**
     * The priority from severity and the owner's tier: an A customer's case moves one step up (never above P1),
     * a C customer's one step down (never below P4) except a CRITICAL case, which stays P1 whoever owns the unit
     * (a serious quality or safety finding is handled at once, seed 001 §三(二)6, seed 000 §3.9.2).
     *
     * @param severity  never null
     * @param ownerTier the tier of the device's owner; null when the device has no known owner, which counts as B
     */
    public static TicketPriority of(Severity severity, CustomerTier ownerTier) {
        TicketPriority bySeverity = fromSeverity(severity);
        if (ownerTier == null) {
            return bySeverity;
        }
        return switch (ownerTier) {
            case A -> values()[Math.max(0, bySeverity.ordinal() - 1)];
            case B -> bySeverity;
            case C -> severity == Severity.CRITICAL ? P1 : values()[Math.min(P4.ordinal(), bySeverity.ordinal() + 1)];
        };
    }
}
