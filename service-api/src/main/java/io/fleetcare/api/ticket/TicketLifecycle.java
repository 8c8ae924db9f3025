package io.fleetcare.api.ticket;

import static io.fleetcare.api.ticket.TicketStatus.ACKNOWLEDGED;
import static io.fleetcare.api.ticket.TicketStatus.CANCELLED;
import static io.fleetcare.api.ticket.TicketStatus.CLOSED;
import static io.fleetcare.api.ticket.TicketStatus.CUSTOMER_CONFIRMED;
import static io.fleetcare.api.ticket.TicketStatus.ESCALATED;
import static io.fleetcare.api.ticket.TicketStatus.ON_SITE;
import static io.fleetcare.api.ticket.TicketStatus.REGISTERED;
import static io.fleetcare.api.ticket.TicketStatus.RESOLVED;
import static io.fleetcare.api.ticket.TicketStatus.SCHEDULED;

import io.fleetcare.api.account.Role;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which status changes a ticket may make, and who may make them (seed 000 §4.1-§4.2, seed 001 §三(二) 1-6,
 * DOMAIN.md "Service case").
 *
 * <p>Main line: REGISTERED -> ACKNOWLEDGED -> SCHEDULED -> ON_SITE -> RESOLVED -> CUSTOMER_CONFIRMED -> CLOSED.
 * <ul>
 *   <li>ESCALATED (to a supervisor) from every open status except ESCALATED itself, so also after the repair
 *       when the customer disputes it. From ESCALATED the supervisor puts the case back where the work
 *       continues: ACKNOWLEDGED (triage again), SCHEDULED (dispatch), ON_SITE (the engineer is back on
 *       site), RESOLVED (fixed by the escalation, e.g. the unit replaced), or CANCELLED.</li>
 *   <li>CANCELLED from REGISTERED, ACKNOWLEDGED, SCHEDULED, ON_SITE and ESCALATED: from the open statuses
 *       before RESOLVED. A repaired case is closed, not cancelled.</li>
 *   <li>CLOSED and CANCELLED are final.</li>
 * </ul>
 * A move to ESCALATED or CANCELLED needs a reason; a move to SCHEDULED or ON_SITE needs an assigned engineer.
 *
 * <p>Who (least privilege, seed 000 "三、信息安全管理制度 1. 访问控制"): NOC_OPERATOR acknowledges a
 * registered case and escalates; FIELD_ENGINEER moves SCHEDULED -> ON_SITE -> RESOLVED, and only on cases
 * assigned to them; SERVICE_MANAGER and ADMIN make every allowed move, cancelling and closing included.
 *
 * <p>Pure: no I/O, no state; safe to use from any thread.
 */
public final class TicketLifecycle {

    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = new EnumMap<>(TicketStatus.class);

    static {
        NEXT.put(REGISTERED, EnumSet.of(ACKNOWLEDGED, ESCALATED, CANCELLED));
        NEXT.put(ACKNOWLEDGED, EnumSet.of(SCHEDULED, ESCALATED, CANCELLED));
        NEXT.put(SCHEDULED, EnumSet.of(ON_SITE, ESCALATED, CANCELLED));
        NEXT.put(ON_SITE, EnumSet.of(RESOLVED, ESCALATED, CANCELLED));
        NEXT.put(RESOLVED, EnumSet.of(CUSTOMER_CONFIRMED, ESCALATED));
        NEXT.put(CUSTOMER_CONFIRMED, EnumSet.of(CLOSED, ESCALATED));
        NEXT.put(ESCALATED, EnumSet.of(ACKNOWLEDGED, SCHEDULED, ON_SITE, RESOLVED, CANCELLED));
        NEXT.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(TicketStatus.class));
    }

    private TicketLifecycle() {
    }

    /** The statuses a ticket in {@code from} may move to; empty for the final statuses. Never null. */
    public static Set<TicketStatus> next(TicketStatus from) {
        Set<TicketStatus> next = NEXT.get(Objects.requireNonNull(from, "from"));
        return next.isEmpty() ? EnumSet.noneOf(TicketStatus.class) : EnumSet.copyOf(next);
    }

    /** Whether a ticket in {@code from} may move to {@code to} at all, whoever asks. */
    public static boolean allows(TicketStatus from, TicketStatus to) {
        return NEXT.get(Objects.requireNonNull(from, "from")).contains(Objects.requireNonNull(to, "to"));
    }

    /** Whether a move to {@code to} must say why. */
    public static boolean reasonRequired(TicketStatus to) {
        return to == ESCALATED || to == CANCELLED;
    }

    /** Whether a move to {@code to} needs an engineer assigned to the ticket. */
    public static boolean assignmentRequired(TicketStatus to) {
        return to == SCHEDULED || to == ON_SITE;
    }

    /**
     * Whether an account with {@code role} may make the move; false for every move that is not allowed.
     * For FIELD_ENGINEER the caller must also check that the ticket is assigned to that engineer.
     */
    public static boolean permits(Role role, TicketStatus from, TicketStatus to) {
        Objects.requireNonNull(role, "role");
        if (!allows(from, to)) {
            return false;
        }
        return switch (role) {
            case ADMIN, SERVICE_MANAGER -> true;
            case NOC_OPERATOR -> (from == REGISTERED && to == ACKNOWLEDGED) || to == ESCALATED;
            case FIELD_ENGINEER -> (from == SCHEDULED && to == ON_SITE) || (from == ON_SITE && to == RESOLVED);
        };
    }

    /** Whether any of the roles may make the move. */
    public static boolean permits(Collection<Role> roles, TicketStatus from, TicketStatus to) {
        return roles.stream().anyMatch(role -> permits(role, from, to));
    }

    /**
     * Whether the move is only permitted to these roles as the ticket's assigned engineer: true when
     * FIELD_ENGINEER is the only one of them that permits it.
     */
    public static boolean onlyAsAssignedEngineer(Collection<Role> roles, TicketStatus from, TicketStatus to) {
        return roles.contains(Role.FIELD_ENGINEER) && permits(Role.FIELD_ENGINEER, from, to)
                && roles.stream().noneMatch(role -> role != Role.FIELD_ENGINEER && permits(role, from, to));
    }
}
