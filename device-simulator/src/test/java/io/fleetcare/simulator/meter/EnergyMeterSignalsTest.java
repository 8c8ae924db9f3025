package io.fleetcare.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyMeterSignalsTest {

    @Test
    void theImportRegisterOnlyGrowsWithTheLoadTheSiteDraws() {
        EnergyMeterSignals meter = new EnergyMeterSignals(3);
        List<Double> energy = new ArrayList<>();
        double sumOfPowerW = 0;

        for (int s = 0; s <= 3_600; s += 10) {
            EnergyMeterSignals.Reading reading = meter.sample(Duration.ofSeconds(s));
            energy.add(reading.energyWh());
            sumOfPowerW += reading.powerW();
            assertThat(reading.powerW()).isGreaterThanOrEqualTo(0);
            assertThat(reading.voltageV()).isBetween(220.0, 240.0);
        }

        assertThat(energy).isSorted();
        double averagePowerW = sumOfPowerW / energy.size();
        assertThat(energy.get(energy.size() - 1) - energy.get(0)).as("an hour at the average load")
                .isCloseTo(averagePowerW, org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void theSameSeedGivesTheSameReadings() {
        EnergyMeterSignals a = new EnergyMeterSignals(11);
        EnergyMeterSignals b = new EnergyMeterSignals(11);

        for (int s = 0; s < 60; s += 5) {
            assertThat(a.sample(Duration.ofSeconds(s))).isEqualTo(b.sample(Duration.ofSeconds(s)));
        }
        assertThat(new EnergyMeterSignals(12).sample(Duration.ZERO)).isNotEqualTo(new EnergyMeterSignals(11).sample(Duration.ZERO));
    }
}
