package io.fleetcare.api.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CalendarYearTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aDayOfAnotherYearIsRefused() {
        assertThatThrownBy(() -> new CalendarYear(Year.of(2027), Set.of(LocalDate.of(2026, 10, 1)), Set.of(), false,
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-10-01")
                .hasMessageContaining("2027");
    }

    @Test
    void aMakeUpWorkingDayMustBeAWeekendDayAndNoHoliday() {
        assertThatThrownBy(() -> new CalendarYear(Year.of(2026), Set.of(), Set.of(LocalDate.of(2026, 10, 9)), false,
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FRIDAY");
        assertThatThrownBy(() -> new CalendarYear(Year.of(2026), Set.of(LocalDate.of(2026, 10, 10)),
                Set.of(LocalDate.of(2026, 10, 10)), false, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both");
    }

    @Test
    void yearsMustFollowEachOtherWithoutGaps() {
        CalendarYear y2026 = new CalendarYear(Year.of(2026), Set.of(), Set.of(), false, "");
        CalendarYear y2028 = new CalendarYear(Year.of(2028), Set.of(), Set.of(), false, "");

        assertThatThrownBy(() -> WorkingCalendar.ofYears(SHANGHAI, List.of(y2028, y2026)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026").hasMessageContaining("2028");
        assertThatThrownBy(() -> WorkingCalendar.ofYears(SHANGHAI, List.of(y2026, y2026)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingCalendar.ofYears(SHANGHAI, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCalendarOfYearsKnowsItsLastDayAndOneOfPlainListsDoesNot() {
        CalendarYear y2027 = new CalendarYear(Year.of(2027), Set.of(LocalDate.of(2027, 1, 1)), Set.of(), true, "");
        CalendarYear y2026 = new CalendarYear(Year.of(2026), Set.of(), Set.of(), false, "");

        WorkingCalendar calendar = WorkingCalendar.ofYears(SHANGHAI, List.of(y2027, y2026));

        assertThat(calendar.lastCoveredDay()).contains(LocalDate.of(2027, 12, 31));
        assertThat(calendar.years()).extracting(CalendarYear::year).containsExactly(Year.of(2026), Year.of(2027));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(new WorkingCalendar(SHANGHAI, List.of(), List.of()).lastCoveredDay()).isEmpty();
    }
}
