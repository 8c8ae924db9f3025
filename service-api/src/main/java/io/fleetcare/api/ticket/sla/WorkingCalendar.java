package io.fleetcare.api.ticket.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which days are working days for the service-level clocks that count working days (repairs, complaints):
 * Monday to Friday, except public holidays, plus the weekend days that are worked in exchange for a
 * holiday bridge (调休). Days are taken in the service's time zone.
 *
 * <p>A calendar built {@link #ofYears from years} knows which years it covers ({@link #lastCoveredDay()}); past
 * them it still answers, counting Monday to Friday, but it cannot know the holidays, which is why the service
 * warns at start and reports a health check (see {@code CalendarHorizonCheck}).
 */
public final class WorkingCalendar {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkingDays;
    private final List<CalendarYear> years;

    /**
     * @param zone              the time zone in which a day starts and ends; never null
     * @param holidays          days off although they fall on Monday to Friday; never null
     * @param makeUpWorkingDays Saturdays or Sundays that are worked; never null
     * @throws IllegalArgumentException when a day is both a holiday and a make-up working day
     */
    public WorkingCalendar(ZoneId zone, Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays) {
        this(zone, holidays, makeUpWorkingDays, List.of());
    }

    private WorkingCalendar(ZoneId zone, Collection<LocalDate> holidays, Collection<LocalDate> makeUpWorkingDays,
            List<CalendarYear> years) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        this.years = List.copyOf(years);
        for (LocalDate day : this.holidays) {
            if (this.makeUpWorkingDays.contains(day)) {
                throw new IllegalArgumentException(day + " is listed both as a holiday and as a make-up working day");
            }
        }
    }

    /**
     * A calendar of consecutive years.
     *
     * @param zone  never null
     * @param years at least one, each year once, without gaps (a missing year in the middle would silently count
     *              its holidays as working days); any order
     * @throws IllegalArgumentException when there are no years, a year is given twice or one is missing
     */
    public static WorkingCalendar ofYears(ZoneId zone, Collection<CalendarYear> years) {
        List<CalendarYear> sorted = years.stream().sorted((a, b) -> a.year().compareTo(b.year())).toList();
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("the working-day calendar needs at least one year");
        }
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Year year = sorted.get(i).year();
            if (i > 0 && !year.equals(sorted.get(i - 1).year().plusYears(1))) {
                throw new IllegalArgumentException("the working-day calendar has " + sorted.get(i - 1).year()
                        + " and then " + year + "; configure every year in between");
            }
            holidays.addAll(sorted.get(i).holidays());
            makeUp.addAll(sorted.get(i).makeUpWorkingDays());
        }
        return new WorkingCalendar(zone, holidays, makeUp, sorted);
    }

    /**
     * The last day whose holidays are known: 31 December of the last configured year; empty for a calendar built
     * from plain lists of days, which declares no years.
     */
    public Optional<LocalDate> lastCoveredDay() {
        return years.isEmpty() ? Optional.empty() : Optional.of(years.get(years.size() - 1).year().atDay(1)
                .plusYears(1).minusDays(1));
    }

    /** The configured years, oldest first; empty for a calendar built from plain lists of days. */
    public List<CalendarYear> years() {
        return years;
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
