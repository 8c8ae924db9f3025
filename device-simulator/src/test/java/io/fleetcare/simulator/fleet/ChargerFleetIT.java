package io.fleetcare.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.charger.ConnectorOverheating;
import io.fleetcare.simulator.ocpp.ScriptedCentralSystem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChargerFleetIT {

    @Test
    void aFleetOfChargersBootsAndItsFaultyChargersShowTheirFaults() throws Exception {
        List<String> ids = FleetPlan.chargerIds(4);
        Map<String, String> secrets = FleetPlan.newSecrets(ids);
        FleetPlan plan = FleetPlan.chargers(4, 1, 1, 5, secrets::get,
                new ConnectorOverheating(Duration.ofSeconds(1), 20, 98));
        ChargerSpec overheating = plan.chargers().stream().filter(c -> c.overheating() != null).findFirst().orElseThrow();
        ChargerSpec faulting = plan.chargers().stream().filter(c -> c.suddenFault() != null).findFirst().orElseThrow();

        try (ScriptedCentralSystem centralSystem = ScriptedCentralSystem.start(secrets, 2);
             ChargerFleet fleet = ChargerFleet.start(plan, centralSystem.baseUri())) {

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(ids).allSatisfy(id -> assertThat(centralSystem.calls(id, "BootNotification")).hasSize(1));
                assertThat(statuses(centralSystem, faulting.chargePointId())).contains("Faulted");
                assertThat(maxTemperature(centralSystem, overheating.chargePointId())).isGreaterThan(90.0);
            });

            assertThat(ids).filteredOn(id -> !id.equals(overheating.chargePointId()))
                    .allSatisfy(id -> assertThat(maxTemperature(centralSystem, id)).isLessThan(60.0));
            assertThat(ids).filteredOn(id -> !id.equals(faulting.chargePointId()))
                    .allSatisfy(id -> assertThat(statuses(centralSystem, id)).doesNotContain("Faulted"));
            assertThat(centralSystem.violations()).isEmpty();
            assertThat(fleet.sent()).isPositive();
            assertThat(fleet.failed()).isZero();
        }
    }

    private static List<String> statuses(ScriptedCentralSystem centralSystem, String id) {
        return centralSystem.calls(id, "StatusNotification").stream()
                .map(c -> c.payload().path("status").asText()).toList();
    }

    private static double maxTemperature(ScriptedCentralSystem centralSystem, String id) {
        return centralSystem.calls(id, "MeterValues").stream()
                .flatMap(c -> java.util.stream.StreamSupport.stream(
                        c.payload().path("meterValue").get(0).path("sampledValue").spliterator(), false))
                .filter(v -> v.path("measurand").asText().equals("Temperature"))
                .mapToDouble(v -> Double.parseDouble(v.path("value").asText()))
                .max().orElse(0);
    }
}
