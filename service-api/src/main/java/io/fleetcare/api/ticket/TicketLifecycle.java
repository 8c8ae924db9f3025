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
 *   <li>ACKNOWLEDGED -> RESOLVED: solved remotely before anybody is sent (seed 001 §三(二)2); only with a recorded
 *       remote resolution (the workflow checks the evidence, see {@link #resolutionRequired}).</li>
 *   <li>RESOLVED or CUSTOMER_CONFIRMED -> ACKNOWLEDGED: the case is <em>reopened</em> (the fault came back, the
 *       customer disputes the repair); it needs a reason.</li>
 *   <li>ESCALATED (to a supervisor) from every open status except ESCALATED itself. De-escalation returns the case
 *       to the status it was escalated from, or to one of the moves that status allowed (never ESCALATED again):
 *       escalation is no shortcut past the visit, the repair or the confirmation. Which status that was is an input
 *       of every rule here ({@code escalatedFrom}: the {@code from} of the latest move to ESCALATED; null when the
 *       ticket is not ESCALATED).</li>
 *   <li>CANCELLED from REGISTERED, ACKNOWLEDGED, SCHEDULED, ON_SITE, and from ESCALATED when the status it was
 *       escalated from could be cancelled. A repaired case is closed, not cancelled.</li>
 *   <li>CLOSED and CANCELLED are final.</li>
 * </ul>
 * A move to ESCALATED or CANCELLED and a reopening need a reason; a move to SCHEDULED or ON_SITE needs an assigned
 * engineer; RESOLVED needs a repair record or a remote resolution; CUSTOMER_CONFIRMED needs the customer's
 * confirmation.
 *
 * <p>Who (least privilege, seed 000 "三、信息安全管理制度 1. 访问控制"): NOC_OPERATOR acknowledges a registered
 * case, resolves an acknowledged one remotely, reopens, and escalates; FIELD_ENGINEER moves SCHEDULED -> ON_SITE
 * -> RESOLVED, and only on cases assigned to them; SERVICE_MANAGER and ADMIN (the supervisors) make every allowed
 * move, de-escalating, cancelling, confirming and closing included.
 *
 * <p>Pure: no I/O, no state; safe to use from any thread.
 */
public final class TicketLifecycle {

    private static final Map<TicketStatus, Set<TicketStatus>> NEXT = new EnumMap<>(TicketStatus.class);

    static {
        NEXT.put(REGISTERED, EnumSet.of(ACKNOWLEDGED, ESCALATED, CANCELLED));
        NEXT.put(ACKNOWLEDGED, EnumSet.of(SCHEDULED, RESOLVED, ESCALATED, CANCELLED));
        NEXT.put(SCHEDULED, EnumSet.of(ON_SITE, ESCALATED, CANCELLED));
        NEXT.put(ON_SITE, EnumSet.of(RESOLVED, ESCALATED, CANCELLED));
        NEXT.put(RESOLVED, EnumSet.of(CUSTOMER_CONFIRMED, ACKNOWLEDGED, ESCALATED));
        NEXT.put(CUSTOMER_CONFIRMED, EnumSet.of(CLOSED, ACKNOWLEDGED, ESCALATED));
        NEXT.put(ESCALATED, EnumSet.noneOf(TicketStatus.class));
        NEXT.put(CLOSED, EnumSet.noneOf(TicketStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(TicketStatus.class));
    }

    private TicketLifecycle() {
    }

    /**
     * The statuses a ticket in {@code from} may move to; empty for the final statuses. Never null.
     *
     * @param escalatedFrom for {@code from} = ESCALATED the status the ticket was escalated from; ignored otherwise.
     *                      An ESCALATED ticket whose earlier status is unknown (null) may only be cancelled or
     *                      triaged again (ACKNOWLEDGED).
     */
    public static Set<TicketStatus> next(TicketStatus from, TicketStatus escalatedFrom) {
        Objects.requireNonNull(from, "from");
        if (from == ESCALATED) {
            if (escalatedFrom == null || escalatedFrom == ESCALATED || !escalatedFrom.isOpen()) {
                return EnumSet.of(ACKNOWLEDGED, CANCELLED);
            }
            Set<TicketStatus> back = EnumSet.of(escalatedFrom);
            back.addAll(NEXT.get(escalatedFrom));
            back.remove(ESCALATED);
            return back;
        }
        Set<TicketStatus> next = NEXT.get(from);
        return next.isEmpty() ? EnumSet.noneOf(TicketStatus.class) : EnumSet.copyOf(next);
    }

    /** Whether a ticket in {@code from} may move to {@code to} at all, whoever asks; see {@link #next}. */
    public static boolean allows(TicketStatus from, TicketStatus to, TicketStatus escalatedFrom) {
        return next(from, escalatedFrom).contains(Objects.requireNonNull(to, "to"));
    }

    /** Whether the move reopens a resolved (or confirmed) case. */
    public static boolean reopens(TicketStatus from, TicketStatus to) {
        return (from == RESOLVED || from == CUSTOMER_CONFIRMED) && to == ACKNOWLEDGED;
    }

    /** Whether the move must say why: escalating, cancelling and reopening. */
    public static boolean reasonRequired(TicketStatus from, TicketStatus to) {
        return to == ESCALATED || to == CANCELLED || reopens(from, to);
    }

    /** Whether a move to {@code to} needs an engineer assigned to the ticket. */
    public static boolean assignmentRequired(TicketStatus to) {
        return to == SCHEDULED || to == ON_SITE;
    }

    /** Whether a move to {@code to} needs a repair record or a remote resolution of the case. */
    public static boolean resolutionRequired(TicketStatus to) {
        return to == RESOLVED;
    }

    /** Whether a move to {@code to} needs the customer's confirmation. */
    public static boolean confirmationRequired(TicketStatus to) {
        return to == CUSTOMER_CONFIRMED;
    }

    /**
     * Whether an account with {@code role} may make the move; false for every move that is not allowed.
     * For FIELD_ENGINEER the caller must also check that the ticket is assigned to that engineer.
     */
    public static boolean permits(Role role, TicketStatus from, TicketStatus to, TicketStatus escalatedFrom) {
        Objects.requireNonNull(role, "role");
        if (!allows(from, to, escalatedFrom)) {
            return false;
        }
        return switch (role) {
            case ADMIN, SERVICE_MANAGER -> true;
            case NOC_OPERATOR -> (from == REGISTERED && to == ACKNOWLEDGED) || to == ESCALATED
                    || (from == ACKNOWLEDGED && to == RESOLVED) || reopens(from, to);
            case FIELD_ENGINEER -> (from == SCHEDULED && to == ON_SITE) || (from == ON_SITE && to == RESOLVED);
            case TOP_MANAGER -> false;
        };
    }

    /** Whether any of the roles may make the move. */
    public static boolean permits(Collection<Role> roles, TicketStatus from, TicketStatus to,
            TicketStatus escalatedFrom) {
        return roles.stream().anyMatch(role -> permits(role, from, to, escalatedFrom));
    }

    /**
     * Whether the move is only permitted to these roles as the ticket's assigned engineer: true when
     * FIELD_ENGINEER is the only one of them that permits it.
     */
    public static boolean onlyAsAssignedEngineer(Collection<Role> roles, TicketStatus from, TicketStatus to) {
        return roles.contains(Role.FIELD_ENGINEER) && permits(Role.FIELD_ENGINEER, from, to, null)
                && roles.stream().noneMatch(role -> role != Role.FIELD_ENGINEER && permits(role, from, to, null));
    }
}
