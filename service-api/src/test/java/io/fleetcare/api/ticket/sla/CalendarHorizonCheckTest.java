package io.fleetcare.api.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class CalendarHorizonCheckTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final CalendarYear Y2026 = new CalendarYear(Year.of(2026), Set.of(LocalDate.of(2026, 10, 1)),
            Set.of(), false, "test");
    private static final CalendarYear Y2027 = new CalendarYear(Year.of(2027), Set.of(LocalDate.of(2027, 1, 1)),
            Set.of(), true, "test");

    @Test
    void isUpWhileTheLongestClockStartedNowEndsInsideTheCalendar() {
        // given: 1 December 2026, 10 working days end mid-December
        CalendarHorizonCheck check = check(List.of(Y2026), "2026-12-01T02:00:00Z");

        // when
        HealthCheckResponse response = check.call();

        // then
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("calendarEndsOn", "2026-12-31")
                .containsEntry("clockStartedNowEndsOn", "2026-12-15");
    }

    @Test
    void goesDownWhenTheConfiguredYearsEndBeforeTheLongestClockStartedNow() {
        // given: 24 December 2026 with 2026 only; 10 working days run into January 2027
        CalendarHorizonCheck check = check(List.of(Y2026), "2026-12-24T02:00:00Z");

        // when
        HealthCheckResponse response = check.call();

        // then
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getName()).isEqualTo(CalendarHorizonCheck.NAME);
        assertThat(response.getData().orElseThrow()).containsEntry("calendarEndsOn", "2026-12-31")
                .containsEntry("clockStartedNowEndsOn", "2027-01-07");
    }

    @Test
    void theNextYearBringsItBackUpAndNamesTheProvisionalYear() {
        // given
        CalendarHorizonCheck check = check(List.of(Y2026, Y2027), "2026-12-24T02:00:00Z");

        // when
        HealthCheckResponse response = check.call();

        // then
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("provisionalYears", "[2027]");
    }

    private static CalendarHorizonCheck check(List<CalendarYear> years, String now) {
        SlaPolicy policy = new SlaPolicy(Duration.ofHours(24), Duration.ofHours(12), Duration.ofHours(24), 10, 3, 5,
                WorkingCalendar.ofYears(SHANGHAI, years));
        return new CalendarHorizonCheck(policy, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }
}
