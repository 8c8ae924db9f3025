package io.fleetcare.api.ticket.sla;

/**
 * Which service-level targets a ticket has missed: a target is missed when its milestone was reached after
 * the due time, or has not been reached and the due time is past (or was past when the ticket was
 * cancelled).
 *
 * @param respond         not acknowledged in time
 * @param answer          customer not told the appointment in time
 * @param onSite          no engineer on site in time
 * @param repair          not resolved in time
 * @param complaintVerify complaint not verified in time; null when the ticket is no complaint
 */
public record SlaBreaches(boolean respond, boolean answer, boolean onSite, boolean repair, Boolean complaintVerify) {
}
