package io.fleetcare.api.site;

import java.time.Instant;
import java.util.List;

/**
 * A site as {@code GET /api/sites/{siteId}} shows it.
 *
 * @param siteId    never null
 * @param devices   how many devices run there
 * @param threshold how many of them offline within the window make an outage
 * @param incidents its outages, latest first (at most 20); never null
 */
public record SiteView(String siteId, int devices, int threshold, List<IncidentView> incidents) {

    /**
     * @param alertId      the site alert
     * @param ticketNumber the site's ticket
     * @param startedAt    when the first of its devices went offline (device time)
     * @param closedAt     null while the outage is open
     * @param peakOffline  the most devices offline at once while it was open
     * @param offlineNow   its devices still offline
     */
    public record IncidentView(String alertId, String ticketNumber, Instant startedAt, Instant openedAt,
            Instant closedAt, int peakOffline, int offlineNow) {
    }
}
