package io.fleetcare.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.fleetcare.simulator.scenario.PlatformEndpoints;
import io.fleetcare.simulator.scenario.Scenario;
import io.fleetcare.simulator.scenario.ScenarioFile;
import io.fleetcare.simulator.scenario.ScenarioRun;
import io.fleetcare.simulator.scenario.ScenarioVerdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault scenario of the simulator's library end to end against one embedded platform started with the
 * rules the scenarios are written for: devices over MQTT, CoAP (DTLS-PSK), OCPP 1.6J and Modbus TCP (slaves the
 * gateway polls), the gateway, Kafka, the Flink job and the service API, all real. The scenarios run at the same time (each has its own devices); each is its own
 * test, so a detector that stops working fails the scenario that needs it, listing what was not met.
 */
class FaultScenariosIT {

    @TempDir
    static Path dataDir;

    private static final List<Scenario> SCENARIOS = ScenarioFile.library();
    private static final Map<String, Future<ScenarioVerdict>> VERDICTS = new LinkedHashMap<>();
    private static EmbeddedPlatform platform;
    private static ExecutorService runs;

    @BeforeAll
    static void startThePlatformAndEveryScenario() {
        Path home = Path.of(System.getProperty("fleetcare.home", "..")).toAbsolutePath();
        Path rules = ScenarioRulesFile.writeInto(dataDir.resolve("rules"));
        platform = EmbeddedPlatform.start(new PlatformOptions(home, dataDir.resolve("platform"), 0, 0, 0, 0, 0, 0, 1,
                Duration.ofSeconds(1), rules).withScenarioDevices(SCENARIOS));
        PlatformEndpoints endpoints = new PlatformEndpoints(platform.broker().serverUri(), platform.ocppBaseUri(),
                platform.apiUrl(), platform.adminUser(), platform.adminPassword(), platform.coapsUri(),
                platform.modbusPorts());
        runs = Executors.newFixedThreadPool(SCENARIOS.size());
        for (Scenario scenario : SCENARIOS) {
            VERDICTS.put(scenario.name(), runs.submit(() ->
                    new ScenarioRun(scenario, endpoints, platform::deviceSecret, line -> { }).run()));
        }
    }

    @AfterAll
    static void stopEverything() {
        if (runs != null) {
            runs.shutdownNow();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioEndsWithExactlyTheExpectedAlertsAndTickets() {
        return SCENARIOS.stream().map(scenario -> dynamicTest(scenario.name(), () -> {
            ScenarioVerdict verdict = VERDICTS.get(scenario.name())
                    .get(scenario.within().plusMinutes(2).toSeconds(), TimeUnit.SECONDS);

            assertThat(verdict.unmet()).as(verdict.report()).isEmpty();
        }));
    }
}
