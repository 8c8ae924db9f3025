package io.fleetcare.api.ticket.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * The days off and the make-up working days of one calendar year, as one notice publishes them (for mainland
 * China the State Council General Office's yearly notice on public holidays, 国务院办公厅关于部分节假日安排的通知).
 *
 * @param year              never null
 * @param holidays          days off although they may fall on Monday to Friday; every one in {@code year}
 * @param makeUpWorkingDays Saturdays or Sundays that are worked (调休); every one in {@code year}
 * @param provisional       true when the list is not the official notice (e.g. only the statutory days fixed by
 *                          law, without bridges); a warning is logged at start for such a year
 * @param source            where the list comes from, for people; never null, may be empty
 */
public record CalendarYear(Year year, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays, boolean provisional,
        String source) {

    /**
     * @throws IllegalArgumentException when a day lies in another year, a day is both a holiday and a make-up
     *                                  working day, or a make-up working day is not a Saturday or Sunday
     */
    public CalendarYear {
        Objects.requireNonNull(year, "year");
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        source = source == null ? "" : source;
        requireIn(year, holidays, "holiday");
        requireIn(year, makeUpWorkingDays, "make-up working day");
        for (LocalDate day : makeUpWorkingDays) {
            if (holidays.contains(day)) {
                throw new IllegalArgumentException(day + " is listed both as a holiday and as a make-up working day");
            }
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new IllegalArgumentException("make-up working day " + day + " is a " + day.getDayOfWeek()
                        + ", which is a working day anyway");
            }
        }
    }

    private static void requireIn(Year year, Collection<LocalDate> days, String what) {
        for (LocalDate day : days) {
            if (day.getYear() != year.getValue()) {
                throw new IllegalArgumentException(what + " " + day + " is listed in the calendar of " + year);
            }
        }
    }
}
