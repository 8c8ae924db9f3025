package io.fleetcare.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.simulator.charger.ChargerSpec;
import org.junit.jupiter.api.Test;

class ChargerFleetPlanTest {

    @Test
    void theSameSeedGivesTheSameChargersAndTheSameFaults() {
        FleetPlan a = FleetPlan.chargers(20, 2, 3, 42, id -> "secret-" + id);
        FleetPlan b = FleetPlan.chargers(20, 2, 3, 42, id -> "secret-" + id);
        FleetPlan other = FleetPlan.chargers(20, 2, 3, 43, id -> "secret-" + id);

        assertThat(a).isEqualTo(b).isNotEqualTo(other);
        assertThat(a.chargers()).extracting(ChargerSpec::chargePointId).startsWith("CP-0001", "CP-0002")
                .endsWith("CP-0020");
        assertThat(a.chargers()).filteredOn(c -> c.overheating() != null).hasSize(2);
        assertThat(a.chargers()).filteredOn(c -> c.suddenFault() != null).hasSize(3);
        assertThat(a.chargers()).filteredOn(ChargerSpec::healthy).hasSize(15);
        assertThat(a.chargers().get(4).secret()).isEqualTo("secret-CP-0005");
        assertThat(a.devices()).isEmpty();
    }

    @Test
    void aMixedFleetKeepsItsSetTopBoxesAndItsChargers() {
        FleetPlan boxes = FleetPlan.setTopBoxes(3, 1, 7, id -> "s");

        FleetPlan mixed = boxes.plus(FleetPlan.chargers(2, 0, 1, 7, id -> "c"));

        assertThat(mixed.devices()).isEqualTo(boxes.devices());
        assertThat(mixed.chargers()).hasSize(2);
        assertThat(boxes.chargers()).isEmpty();
    }

    @Test
    void refusesMoreFaultyChargersThanChargers() {
        assertThatThrownBy(() -> FleetPlan.chargers(3, 2, 2, 1, id -> "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
