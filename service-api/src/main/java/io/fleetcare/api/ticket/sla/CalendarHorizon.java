package io.fleetcare.api.ticket.sla;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;

/**
 * How far the working-day clocks reach compared with the configured calendar.
 *
 * @param workingDays      the longest working-day target
 * @param lastDayOfClock   the last working day of a clock of that length started now
 * @param lastCoveredDay   31 December of the last configured year; null when the calendar declares no years
 * @param provisionalYears configured years whose list is not the official one; never null
 */
public record CalendarHorizon(int workingDays, LocalDate lastDayOfClock, LocalDate lastCoveredDay,
        List<Year> provisionalYears) {

    public CalendarHorizon {
        provisionalYears = List.copyOf(provisionalYears);
    }

    /** Whether a clock started now may count a day whose holidays are not known. */
    public boolean exceeded() {
        return lastCoveredDay == null || lastDayOfClock.isAfter(lastCoveredDay);
    }
}
