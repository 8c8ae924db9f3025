package io.fleetcare.simulator.charger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargerSignalsTest {

    @Test
    void theEnergyRegisterGrowsOnlyWhileCharging() {
        ChargerSignals signals = new ChargerSignals(3, null);

        List<ChargerReading> idle = run(signals, 0, 60, false);
        List<ChargerReading> charging = run(signals, 60, 120, true);

        assertThat(idle).extracting(ChargerReading::energyWh).containsOnly(idle.get(0).energyWh());
        assertThat(idle).extracting(ChargerReading::powerW).containsOnly(0.0);
        assertThat(charging).extracting(ChargerReading::energyWh).isSorted();
        double added = charging.get(charging.size() - 1).energyWh() - idle.get(idle.size() - 1).energyWh();
        assertThat(added).as("about 11 kW for a minute").isBetween(150.0, 200.0);
    }

    @Test
    void theEnergyRegisterIsInWholeWattHoursLikeMeterStartAndMeterStop() {
        ChargerSignals signals = new ChargerSignals(5, null, 150_000);

        List<ChargerReading> readings = run(signals, 0, 30, true);

        assertThat(readings).extracting(ChargerReading::energyWh).isSorted()
                .allSatisfy(wh -> assertThat(wh % 1).isZero());
        assertThat(readings.get(readings.size() - 1).energyWh() - readings.get(0).energyWh())
                .as("about 140 kW for 29 s").isBetween(1000.0, 1250.0);
    }

    @Test
    void aHealthyConnectorWarmsUnderLoadButStaysFarBelowNinetyDegrees() {
        ChargerSignals signals = new ChargerSignals(3, null);

        List<ChargerReading> idle = run(signals, 0, 120, false);
        List<ChargerReading> charging = run(signals, 120, 600, true);

        double idleC = idle.get(idle.size() - 1).temperatureC();
        double loadedC = charging.get(charging.size() - 1).temperatureC();
        assertThat(loadedC - idleC).isBetween(15.0, 30.0);
        assertThat(charging).allSatisfy(r -> assertThat(r.temperatureC()).isLessThan(60.0));
        assertThat(charging).allSatisfy(r -> assertThat(r.voltageV()).isBetween(220.0, 240.0));
    }

    @Test
    void anOverheatingConnectorPassesNinetyDegreesOnlyOnceItCharges() {
        ChargerSignals signals = new ChargerSignals(3, ConnectorOverheating.demo());

        List<ChargerReading> idle = run(signals, 0, 60, false);
        List<ChargerReading> charging = run(signals, 60, 120, true);

        assertThat(idle).allSatisfy(r -> assertThat(r.temperatureC()).isLessThan(40.0));
        assertThat(charging.subList(45, 60)).allSatisfy(r -> assertThat(r.temperatureC()).isGreaterThan(90.0));
    }

    @Test
    void theSameSeedGivesTheSameSignals() {
        assertThat(run(new ChargerSignals(11, ConnectorOverheating.demo()), 0, 100, true))
                .isEqualTo(run(new ChargerSignals(11, ConnectorOverheating.demo()), 0, 100, true))
                .isNotEqualTo(run(new ChargerSignals(12, ConnectorOverheating.demo()), 0, 100, true));
    }

    private static List<ChargerReading> run(ChargerSignals signals, int fromSecond, int toSecond, boolean charging) {
        List<ChargerReading> readings = new ArrayList<>();
        for (int s = fromSecond; s < toSecond; s++) {
            readings.add(signals.sample(Duration.ofSeconds(s), charging));
        }
        return readings;
    }
}
