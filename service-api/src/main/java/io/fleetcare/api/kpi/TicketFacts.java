package io.fleetcare.api.kpi;

import java.time.Instant;

/**
 * What the KPIs need to know of one ticket, read in one pass ({@link KpiFactsReader}).
 *
 * @param model            the ticket's model, else the registered device's; null when neither is known
 * @param firmware         the registered device's firmware today; null when unknown
 * @param engineer         the currently assigned engineer; null when nobody was assigned
 * @param telemetry        whether the platform opened the ticket from a maintenance request
 * @param resolvedAt       when the ticket was last resolved (a reopened case counts from its latest resolution); null
 *                         while not resolved, or reopened and not resolved again
 * @param closedAt         when the ticket was closed; null while not
 * @param breached         whether any SLA clock of the ticket is breached (as of the reading)
 * @param repairRecords    REPAIR records filed against the ticket
 * @param onSiteVisits     moves to ON_SITE
 * @param reopened         reopened or moved to ESCALATED after it had been resolved (the fault came back, the
 *                         customer disputed the repair)
 * @param satisfaction     the survey's mean rating; null when there is no survey
 * @param surveyedAt       when the survey was recorded; null when there is none
 */
public record TicketFacts(String number, String model, String firmware, String engineer, boolean telemetry,
        Instant openedAt, Instant resolvedAt, Instant closedAt, boolean complaint, boolean breached,
        int repairRecords, int onSiteVisits, boolean reopened, Double satisfaction, Instant surveyedAt) {

    /** Exactly one repair record, at most one visit and never reopened. */
    public boolean fixedFirstTime() {
        return repairRecords == 1 && onSiteVisits <= 1 && !reopened;
    }
}
