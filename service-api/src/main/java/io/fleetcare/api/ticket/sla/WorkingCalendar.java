package io.fleetcare.api.ticket.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Which days are working days for the service-level clocks that count working days (repairs, complaints):
 * Monday to Friday, except public holidays, plus the weekend days that are worked in exchange for a
 * holiday bridge (调休). Days are taken in the service's time zone.
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;

    /**
     * @param zone              the time zone in which a day starts and ends; never null
     * @param holidays          days off although they fall on Monday to Friday; never null
     * @param makeUpWorkingDays Saturdays or Sundays that are worked; never null
     * @throws IllegalArgumentException when a day is both a holiday and a make-up working day
     */
    public WorkingCalendar(ZoneId zone, Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        for (LocalDate day : this.holidays) {
            if (this.makeUpWorkingDays.contains(day)) {
                throw new IllegalArgumentException(day + " is listed both as a holiday and as a make-up working day");
            }
        }
    }

    /** Whether {@code day} is a working day. */
    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * The end of the {@code workingDays}-th working day after the day of {@code start}: the day on which
     * something arrives does not count, whatever the hour, and the target is met until midnight (local time)
     * at the end of the last working day. A request received on Friday evening with 3 working days is due at
     * the end of the following Wednesday, if no holiday intervenes.
     *
     * @param start       when the clock starts; never null
     * @param workingDays how many working days are granted; positive
     * @return the instant the target runs out; never null
     * @throws IllegalArgumentException when {@code workingDays} is not positive
     */
    public Instant endOfWorkingDaysAfter(Instant start, int workingDays) {
        if (workingDays <= 0) {
            throw new IllegalArgumentException("workingDays must be positive, was " + workingDays);
        }
        LocalDate day = start.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }
}
