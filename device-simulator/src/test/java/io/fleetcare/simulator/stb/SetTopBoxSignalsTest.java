package io.fleetcare.simulator.stb;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.simulator.fleet.FleetPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetTopBoxSignalsTest {

    @Test
    void aHealthyBoxStaysWellBelowTheOverheatingLimit() {
        SetTopBoxSignals signals = new SetTopBoxSignals(7, null);

        List<Double> temps = temperatures(signals, 600);

        assertThat(temps).allSatisfy(t -> assertThat(t).isBetween(45.0, 75.0));
    }

    @Test
    void anOverheatingBoxPassesEightyFiveDegreesWithinHalfAMinuteAndStaysThere() {
        SetTopBoxSignals signals = new SetTopBoxSignals(7, Overheating.demo());

        List<Double> temps = temperatures(signals, 120);

        assertThat(temps.subList(0, 5)).allSatisfy(t -> assertThat(t).isLessThan(75.0));
        assertThat(temps.subList(30, 120)).allSatisfy(t -> assertThat(t).isGreaterThan(85.0));
    }

    @Test
    void theSameSeedGivesTheSameFleetAndTheSameSignals() {
        FleetPlan a = FleetPlan.setTopBoxes(10, 2, 42, id -> "s");
        FleetPlan b = FleetPlan.setTopBoxes(10, 2, 42, id -> "s");

        assertThat(a).isEqualTo(b);
        assertThat(a.devices()).filteredOn(d -> !d.healthy()).hasSize(2);
        assertThat(temperatures(new SetTopBoxSignals(a.devices().get(3).seed(), null), 50))
                .isEqualTo(temperatures(new SetTopBoxSignals(b.devices().get(3).seed(), null), 50));
    }

    private static List<Double> temperatures(SetTopBoxSignals signals, int seconds) {
        List<Double> temps = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            temps.add(signals.sample(Duration.ofSeconds(s)).get("cpu_temp_c"));
        }
        return temps;
    }
}
