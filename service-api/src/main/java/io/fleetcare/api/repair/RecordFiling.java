package io.fleetcare.api.repair;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.api.ticket.TicketStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may file a repair record on a ticket, and when (issue 20; seed 004 §3.4.2 E b, §3.4.3 C: the engineer who
 * did the visit fills in the service form, the head of department approves it; seed 000 §3.7.4). Pure.
 *
 * <ul>
 *   <li>On a ticket, the record is the assigned engineer's. A field engineer files only on a ticket assigned to
 *       them; a service manager (the supervisor) may file it for the assigned engineer, and is recorded as the
 *       one who filed it.</li>
 *   <li>Without a ticket (a maintenance visit), a field engineer files their own record; nobody files one for
 *       them.</li>
 *   <li>The ticket is on site or later: ON_SITE, RESOLVED, CUSTOMER_CONFIRMED, or ESCALATED after it had been on
 *       site. A CLOSED case is archived (corrections by amendment only), a CANCELLED one had no repair.</li>
 *   <li>The work was performed not before the ticket opened and not in the future.</li>
 * </ul>
 */
final class RecordFiling {

    /** The statuses in which the visit has taken place and the case is still open. */
    static final Set<TicketStatus> ON_SITE_OR_LATER = EnumSet.of(TicketStatus.ON_SITE, TicketStatus.RESOLVED,
            TicketStatus.CUSTOMER_CONFIRMED);

    /** The engineer the record is theirs and who filed it for them (null when they filed it themselves). */
    record Filer(String engineer, String filedBy) {
    }

    /** What the rule needs to know of the ticket; {@code assignedEngineer} null while nobody is assigned. */
    record TicketFacts(String number, TicketStatus status, boolean wasOnSite, String assignedEngineer,
            Instant openedAt) {
    }

    private RecordFiling() {
    }

    /**
     * @param ticket null when the record names no ticket
     * @throws RecordFilingRefusedException 403 when the caller may not file this record, 409 when the ticket is
     *                                      not on site or later or has no engineer
     * @throws InvalidRequestException      when performedAt is before the ticket opened or in the future
     */
    static Filer check(TicketFacts ticket, Caller caller, Instant performedAt, Instant now) {
        if (performedAt.isAfter(now)) {
            throw new InvalidRequestException("performedAt must not lie in the future.");
        }
        boolean engineer = caller.has(Role.FIELD_ENGINEER);
        if (ticket == null) {
            if (!engineer) {
                throw new RecordFilingRefusedException(403, "record-filing-not-permitted", "Filing not permitted",
                        "A record is filed for an engineer only on the ticket they are assigned to; name the ticket.");
            }
            return new Filer(caller.username(), null);
        }
        if (ticket.assignedEngineer() == null) {
            throw new RecordFilingRefusedException(409, "record-needs-assigned-engineer", "No engineer assigned",
                    "Ticket " + ticket.number() + " has no assigned engineer whose record this would be.");
        }
        boolean assigned = ticket.assignedEngineer().equals(caller.username());
        if (!assigned && (engineer || !caller.has(Role.SERVICE_MANAGER))) {
            throw new RecordFilingRefusedException(403, "record-filing-not-permitted", "Filing not permitted",
                    "Ticket " + ticket.number() + " is assigned to " + ticket.assignedEngineer()
                            + "; only they, or a service manager on their behalf, file its record.");
        }
        boolean onSiteOrLater = ON_SITE_OR_LATER.contains(ticket.status())
                || (ticket.status() == TicketStatus.ESCALATED && ticket.wasOnSite());
        if (!onSiteOrLater) {
            throw new RecordFilingRefusedException(409, "ticket-not-on-site", "Ticket not on site",
                    "Ticket " + ticket.number() + " is " + ticket.status() + "; a record is filed once the engineer "
                            + "is on site (ON_SITE, RESOLVED, CUSTOMER_CONFIRMED) and before the case is closed.");
        }
        if (performedAt.isBefore(ticket.openedAt())) {
            throw new InvalidRequestException("performedAt " + performedAt + " lies before ticket " + ticket.number()
                    + " was opened (" + ticket.openedAt() + ").");
        }
        return new Filer(ticket.assignedEngineer(), assigned ? null : caller.username());
    }
}
