package io.fleetcare.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DemoHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-08T00:40:12Z");

    @Test
    void aYearOfFullHoursEndsBeforeTheHourOfTheStartSoTheLivePipelinesRowsAreNeverTouched() {
        List<DemoHistory.Hour> rows = DemoHistory.of("STB-0001", DemoHistory.Profile.SET_TOP_BOX, NOW, 42);

        assertThat(rows).hasSize(365 * 24 * 3);
        assertThat(rows).extracting(DemoHistory.Hour::metric).containsOnly("cpu_temp_c", "cpu_pct", "tuner_snr_db");
        assertThat(rows.get(rows.size() - 1).bucket()).isEqualTo(Instant.parse("2026-12-07T23:00:00Z"));
        assertThat(rows.get(0).bucket()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z").minus(Duration.ofDays(365)));
        assertThat(rows).allSatisfy(h -> {
            assertThat(h.count()).isEqualTo(DemoHistory.READINGS_PER_HOUR);
            assertThat(h.min()).isLessThanOrEqualTo(h.sum() / h.count());
            assertThat(h.max()).isGreaterThanOrEqualTo(h.sum() / h.count());
        });
    }

    @Test
    void theOverheatingBoxsCpuClimbsOverItsLastMonthWhileAHealthyBoxStaysLevel() {
        List<DemoHistory.Hour> hot = DemoHistory.of("STB-0004", DemoHistory.Profile.OVERHEATING_SET_TOP_BOX, NOW, 42);
        List<DemoHistory.Hour> healthy = DemoHistory.of("STB-0004", DemoHistory.Profile.SET_TOP_BOX, NOW, 42);

        assertThat(meanCpu(hot, 2) - meanCpu(hot, 60)).isGreaterThan(10);
        assertThat(Math.abs(meanCpu(healthy, 2) - meanCpu(healthy, 60))).isLessThan(2);
    }

    @Test
    void chargersGetPowerTemperatureAndVoltageAndTheSameSeedGivesTheSameRows() {
        List<DemoHistory.Hour> rows = DemoHistory.of("CP-0001", DemoHistory.Profile.CHARGER, NOW, 7);

        assertThat(rows).extracting(DemoHistory.Hour::metric).containsOnly("power_w", "temperature_c", "voltage_v");
        assertThat(rows).isEqualTo(DemoHistory.of("CP-0001", DemoHistory.Profile.CHARGER, NOW, 7));
        assertThat(rows).isNotEqualTo(DemoHistory.of("CP-0001", DemoHistory.Profile.CHARGER, NOW, 8));
    }

    /** Mean CPU temperature of the day that ended {@code daysAgo} days before NOW. */
    private static double meanCpu(List<DemoHistory.Hour> rows, int daysAgo) {
        Instant to = NOW.minus(Duration.ofDays(daysAgo - 1L));
        Instant from = to.minus(Duration.ofDays(1));
        OptionalDouble mean = rows.stream().filter(h -> h.metric().equals("cpu_temp_c"))
                .filter(h -> !h.bucket().isBefore(from) && h.bucket().isBefore(to))
                .mapToDouble(h -> h.sum() / h.count()).average();
        return mean.orElseThrow();
    }
}
