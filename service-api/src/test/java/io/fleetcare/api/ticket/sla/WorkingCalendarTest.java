package io.fleetcare.api.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Mainland China, 2026, the periods these tests touch (State Council arrangement for 2026). */
    private static final WorkingCalendar CHINA_2026 = new WorkingCalendar(SHANGHAI,
            Stream.of(
                    days("2026-02-15", 9),
                    days("2026-09-25", 3),
                    days("2026-10-01", 7)).flatMap(List::stream).toList(),
            List.of(LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-28"), LocalDate.parse("2026-09-20"),
                    LocalDate.parse("2026-10-10")));

    private static final WorkingCalendar WEEKENDS_ONLY = new WorkingCalendar(SHANGHAI, List.of(), List.of());

    @Test
    void saturdaysSundaysAndHolidaysAreDaysOffAndMakeUpDaysAreWorked() {
        assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-11-27"))).as("Friday").isTrue();
        assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-11-28"))).as("Saturday").isFalse();
        assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-11-29"))).as("Sunday").isFalse();
        assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-10-01"))).as("National Day, Thursday").isFalse();
        assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-10-10"))).as("make-up Saturday").isTrue();
        assertThat(WEEKENDS_ONLY.isWorkingDay(LocalDate.parse("2026-10-01"))).as("no holidays configured").isTrue();
    }

    @Test
    void theDayOfArrivalDoesNotCountAndTheTargetRunsToMidnightOfTheLastWorkingDay() {
        // given: Tuesday 2026-11-24 10:00 in Shanghai
        Instant tuesdayMorning = Instant.parse("2026-11-24T02:00:00Z");

        // when
        Instant due = WEEKENDS_ONLY.endOfWorkingDaysAfter(tuesdayMorning, 3);

        // then: Wednesday, Thursday, Friday -> due at the start of Saturday 2026-11-28, Shanghai time
        assertThat(due).isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
    }

    @Test
    void aRequestOnFridayEveningSkipsTheWeekend() {
        // given: Friday 2026-11-27 19:00 in Shanghai
        Instant fridayEvening = Instant.parse("2026-11-27T11:00:00Z");

        // when
        Instant due = CHINA_2026.endOfWorkingDaysAfter(fridayEvening, 3);

        // then: Monday, Tuesday, Wednesday -> end of Wednesday 2026-12-02 in Shanghai
        assertThat(due).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
    }

    @Test
    void daysAreCountedInTheConfiguredZoneNotInUtc() {
        // given: Sunday 16:30 UTC is already Monday 00:30 in Shanghai
        Instant mondayInShanghai = Instant.parse("2026-11-29T16:30:00Z");

        // when
        Instant due = CHINA_2026.endOfWorkingDaysAfter(mondayInShanghai, 3);

        // then: Tuesday, Wednesday, Thursday -> end of Thursday 2026-12-03 in Shanghai
        assertThat(due).isEqualTo(Instant.parse("2026-12-03T16:00:00Z"));
    }

    @Test
    void theNationalDayWeekIsSkippedAndItsMakeUpSaturdayCounts() {
        // given: Wednesday 2026-09-30 10:00 in Shanghai, the day before the National Day holidays
        Instant beforeHolidays = Instant.parse("2026-09-30T02:00:00Z");

        // when
        Instant due = CHINA_2026.endOfWorkingDaysAfter(beforeHolidays, 3);

        // then: Thursday 8 Oct, Friday 9 Oct, Saturday 10 Oct (make-up) -> end of 10 Oct
        assertThat(due).isEqualTo(Instant.parse("2026-10-10T16:00:00Z"));
        assertThat(WEEKENDS_ONLY.endOfWorkingDaysAfter(beforeHolidays, 3))
                .as("without the holiday list: Thursday 1, Friday 2, Monday 5 Oct")
                .isEqualTo(Instant.parse("2026-10-05T16:00:00Z"));
    }

    @Test
    void tenWorkingDaysAcrossMidAutumnAndNationalDay() {
        // given: Friday 2026-09-18 in Shanghai
        Instant friday = Instant.parse("2026-09-18T06:00:00Z");

        // when
        Instant due = CHINA_2026.endOfWorkingDaysAfter(friday, 10);

        // then: Sun 20 (make-up), Mon 21 - Thu 24, Mon 28 - Wed 30, Thu 8 and Fri 9 Oct -> end of 9 Oct
        assertThat(due).isEqualTo(Instant.parse("2026-10-09T16:00:00Z"));
    }

    @Test
    void theSpringFestivalHolidaysAreSkipped() {
        // given: Friday 2026-02-13 in Shanghai
        Instant friday = Instant.parse("2026-02-13T03:00:00Z");

        // when
        Instant oneDay = CHINA_2026.endOfWorkingDaysAfter(friday, 1);
        Instant twoDays = CHINA_2026.endOfWorkingDaysAfter(friday, 2);

        // then: Saturday 14 Feb is worked; 15 - 23 Feb are off; Tuesday 24 Feb is the next working day
        assertThat(oneDay).isEqualTo(Instant.parse("2026-02-14T16:00:00Z"));
        assertThat(twoDays).isEqualTo(Instant.parse("2026-02-24T16:00:00Z"));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> WEEKENDS_ONLY.endOfWorkingDaysAfter(Instant.EPOCH, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingCalendar(SHANGHAI, List.of(LocalDate.parse("2026-10-10")),
                List.of(LocalDate.parse("2026-10-10"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-10-10");
    }

    private static List<LocalDate> days(String first, int count) {
        LocalDate start = LocalDate.parse(first);
        return Stream.iterate(start, d -> d.plusDays(1)).limit(count).toList();
    }
}
