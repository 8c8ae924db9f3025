package io.fleetcare.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.simulator.fleet.FleetPlan;
import io.fleetcare.simulator.ocpp.ScriptedCentralSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateIT {

    @TempDir
    Path dir;

    @Test
    void theFleetCommandRunsChargersForTheGivenDurationAndPrintsWhatTheySent() throws Exception {
        Map<String, String> secrets = FleetPlan.newSecrets(FleetPlan.chargerIds(2));
        Path credentials = Files.writeString(dir.resolve("devices.properties"), secrets.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status;
        try (ScriptedCentralSystem centralSystem = ScriptedCentralSystem.start(secrets, 1)) {
            status = Simulate.run(new String[] {"fleet", "--ocpp", centralSystem.baseUri().toString(),
                            "--credentials", credentials.toString(), "--chargers", "2", "--duration", "3"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

            assertThat(centralSystem.calls("CP-0001", "BootNotification")).hasSize(1);
            assertThat(centralSystem.calls("CP-0002", "Heartbeat")).isNotEmpty();
            assertThat(centralSystem.violations()).isEmpty();
        }
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("running 0 set-top boxes over MQTT, 0 over CoAP and 2 chargers")
                .containsPattern("chargers: sent [1-9]\\d* failed 0");
    }
}
