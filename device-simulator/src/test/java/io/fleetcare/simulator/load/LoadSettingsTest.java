package io.fleetcare.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {

    @Test
    void eachDeviceSendsAtTheShareOfTheFleetRate() {
        LoadSettings settings = new LoadSettings(7_000, 3_000, 2_000, Duration.ofMinutes(2), 20, 32, 1);

        assertThat(settings.devices()).isEqualTo(10_000);
        assertThat(settings.deviceInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(LoadSettings.chargerIds(2)).containsExactly("LD-CP-00001", "LD-CP-00002");
        assertThat(LoadSettings.setTopBoxIds(10_000)).hasSize(10_000).last().isEqualTo("LD-STB-10000");
    }

    @Test
    void refusesAnEmptyFleetMoreFaultsThanDevicesAndNoRate() {
        assertThatThrownBy(() -> new LoadSettings(0, 0, 10, Duration.ofSeconds(1), 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadSettings(1, 1, 10, Duration.ofSeconds(1), 3, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoadSettings(1, 1, 0, Duration.ofSeconds(1), 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesAreNearestRankOverTheSortedSamples() {
        Percentiles latencies = new Percentiles(List.of(Duration.ofMillis(300), Duration.ofMillis(100),
                Duration.ofMillis(200), Duration.ofMillis(1_000)));

        assertThat(latencies.percentile(50)).isEqualTo(Duration.ofMillis(200));
        assertThat(latencies.percentile(99)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(latencies.toString()).isEqualTo("p50 200 ms, p99 1000 ms, max 1000 ms (4 samples)");
        assertThat(new Percentiles(List.of()).percentile(50)).isNull();
    }
}
