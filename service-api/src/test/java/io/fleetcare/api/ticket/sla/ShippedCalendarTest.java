package io.fleetcare.api.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calendar the service ships with, read from its resource files exactly as {@code quarkus.config.locations}
 * names them, through the {@link SlaConfig} mapping.
 */
class ShippedCalendarTest {

    private static final Instant CHRISTMAS_EVE_2026 = Instant.parse("2026-12-24T02:00:00Z"); // Thu 10:00 Shanghai

    @Test
    void aCaseOpenedOnChristmasEve2026IsDueAfterSkippingTheNewYearHoliday() throws IOException {
        // given
        SlaPolicy policy = new SlaPolicy(shippedConfig());

        // when
        SlaDueTimes due = policy.dueTimes(CHRISTMAS_EVE_2026, false);

        // then: 25, 28, 29, 30, 31 Dec, (1 Jan off), 4, 5, 6, 7, 8 Jan -> end of Friday 8 Jan 2027, Shanghai time
        assertThat(due.repairBy()).isEqualTo(Instant.parse("2027-01-08T16:00:00Z"));
    }

    @Test
    void theShippedCalendarCoversTheNextYearAndSaysThat2027IsProvisional() throws IOException {
        // when
        WorkingCalendar calendar = SlaPolicy.calendarOf(shippedConfig());

        // then
        assertThat(calendar.years()).extracting(CalendarYear::year).containsExactly(Year.of(2026), Year.of(2027));
        assertThat(calendar.lastCoveredDay()).contains(LocalDate.of(2027, 12, 31));
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("New Year's Day 2027, a Friday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 5))).as("Spring Festival's eve 2027").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 2, 8))).as("third day of Spring Festival").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 10, 1))).as("National Day 2027").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("make-up Saturday 2026").isTrue();
        assertThat(calendar.years()).filteredOn(CalendarYear::provisional).extracting(CalendarYear::year)
                .containsExactly(Year.of(2027));
    }

    @Test
    void returnedGoodsAreDueFiveWorkingDaysAfterTheyArrive() throws IOException {
        // given: received Wednesday 30 Dec 2026 15:00 Shanghai
        SlaPolicy policy = new SlaPolicy(shippedConfig());

        // when
        Instant due = policy.returnedGoodsDue(Instant.parse("2026-12-30T07:00:00Z"));

        // then: 31 Dec, (1 Jan off), 4, 5, 6, 7 Jan -> end of Thursday 7 Jan 2027
        assertThat(due).isEqualTo(Instant.parse("2027-01-07T16:00:00Z"));
    }

    static SlaConfig shippedConfig() throws IOException {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(SlaConfig.class);
        for (String location : List.of("calendars/2026.properties", "calendars/2027.properties")) {
            URL url = ShippedCalendarTest.class.getClassLoader().getResource(location);
            assertThat(url).as(location).isNotNull();
            builder.withSources(new PropertiesConfigSource(url));
        }
        SmallRyeConfig config = builder.build();
        return config.getConfigMapping(SlaConfig.class);
    }
}
