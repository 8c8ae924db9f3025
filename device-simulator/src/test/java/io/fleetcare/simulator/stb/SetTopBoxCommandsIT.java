package io.fleetcare.simulator.stb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.infra.mqtt.MqttBroker;
import io.fleetcare.infra.mqtt.MqttBrokerSettings;
import io.fleetcare.simulator.fleet.FleetPlan;
import io.fleetcare.simulator.fleet.SimulatedFleet;
import io.fleetcare.simulator.mqtt.GatewayCommandSide;
import io.fleetcare.simulator.scenario.Scenario;
import io.fleetcare.simulator.scenario.ScenarioSetTopBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Set-top boxes obey the platform's commands over a real broker (Mosquitto or HiveMQ CE, with the contract's
 * ACL: a box may use only {@code devices/{its id}/#}), sent the way the gateway sends them.
 */
class SetTopBoxCommandsIT {

    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Map<String, String> SECRETS = Map.of(
            "STB-0001", "secret-1", "STB-0002", "secret-2", "CMD-STB-01", "secret-3");
    private static MqttBroker broker;
    private static GatewayCommandSide gateway;
    private static ScheduledExecutorService scheduler;

    @BeforeAll
    static void startBroker() throws Exception {
        Path workDir = Files.createTempDirectory("stb-commands-broker");
        broker = MqttBroker.start(new MqttBrokerSettings(workDir, "gateway", "gateway-secret", SECRETS));
        gateway = GatewayCommandSide.connect(broker.serverUri(), "gateway", "gateway-secret");
        scheduler = Executors.newScheduledThreadPool(2);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        scheduler.shutdownNow();
        gateway.close();
        broker.close();
    }

    @Test
    void aBoxAnswersEachCommandOnTheResponseTopicWithTheCommandsCorrelationData() throws Exception {
        // given
        Scenario.DeviceGroup group = new Scenario.DeviceGroup(Scenario.Kind.SET_TOP_BOX, Scenario.Protocol.MQTT,
                "CMD-STB", 1, "STB-4K-200", Scenario.Charging.IDLE, 1);
        try (ScenarioSetTopBox box = ScenarioSetTopBox.start(new Scenario.ScenarioDevice("CMD-STB-01", group, 5),
                SECRETS.get("CMD-STB-01"), broker.serverUri(), INTERVAL, Duration.ZERO, scheduler)) {
            await().atMost(AWAIT).until(() -> !gateway.published("CMD-STB-01", "telemetry").isEmpty());

            // when
            GatewayCommandSide.Reply config = gateway.send("CMD-STB-01", "GET_CONFIG", object()).get();
            GatewayCommandSide.Reply changed = gateway.send("CMD-STB-01", "SET_CONFIG",
                    object().put("key", "log_level").put("value", "DEBUG")).get();
            GatewayCommandSide.Reply refused = gateway.send("CMD-STB-01", "SET_CONFIG",
                    object().put("key", "firmware_version").put("value", "9.9.9")).get();
            GatewayCommandSide.Reply oneKey = gateway.send("CMD-STB-01", "GET_CONFIG",
                    object().put("key", "log_level")).get();
            GatewayCommandSide.Reply selfTest = gateway.send("CMD-STB-01", "SELF_TEST",
                    object().put("suite", "tuner")).get();
            GatewayCommandSide.Reply logs = gateway.send("CMD-STB-01", "COLLECT_LOGS", object()).get();
            GatewayCommandSide.Reply unknown = gateway.send("CMD-STB-01", "MAKE_COFFEE", object()).get();
            GatewayCommandSide.Reply reboot = gateway.send("CMD-STB-01", "REBOOT", object()).get();

            // then
            assertThat(config.topic()).isEqualTo("devices/CMD-STB-01/commands/result");
            assertThat(config.body().path("config").path("telemetry_interval_s").asText()).isEqualTo("1");
            assertThat(config.body().path("config").path("model").asText()).isEqualTo("STB-4K-200");
            assertThat(changed.body().path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(refused.body().path("status").asText()).isEqualTo("REJECTED");
            assertThat(oneKey.body().path("config").path("log_level").asText()).isEqualTo("DEBUG");
            assertThat(oneKey.body().path("config").size()).isEqualTo(1);
            assertThat(selfTest.body().path("passed").asBoolean()).isTrue();
            assertThat(selfTest.body().path("tuner_snr_db").asDouble()).isGreaterThan(25);
            assertThat(logs.body().path("status").asText()).isEqualTo("COLLECTED");
            assertThat(logs.body().path("lines").toString()).contains("command GET_CONFIG", "command SELF_TEST");
            assertThat(unknown.body().path("status").asText()).isEqualTo("UNSUPPORTED");
            assertThat(reboot.body().path("status").asText()).isEqualTo("REBOOTING");
            await().atMost(AWAIT).until(() -> gateway.published("CMD-STB-01", "events").stream()
                    .anyMatch(e -> e.body().path("reason").asText().equals("REMOTE_COMMAND")));
            assertThat(gateway.unmatched()).isEmpty();
        }
    }

    @Test
    void aRebootedBoxComesBackWithItsUptimeFromZeroAndReportsTheReboot() throws Exception {
        // given a box that has been up for a few seconds
        FleetPlan plan = FleetPlan.setTopBoxes(2, 0, 7, SECRETS::get);
        try (SimulatedFleet fleet = SimulatedFleet.start(plan, broker.serverUri(), INTERVAL)) {
            await().atMost(AWAIT).until(() -> lastUptime("STB-0001") >= 3);
            double before = lastUptime("STB-0001");

            // when
            GatewayCommandSide.Reply reply = gateway.send("STB-0001", "REBOOT", object()).get();

            // then
            assertThat(reply.body().path("status").asText()).isEqualTo("REBOOTING");
            assertThat(reply.body().path("uptime_s").asDouble()).isGreaterThanOrEqualTo(before);
            await().atMost(AWAIT).until(() -> !gateway.published("STB-0001", "events").isEmpty());
            JsonNode event = gateway.published("STB-0001", "events").get(0).body();
            assertThat(event.path("event").asText()).isEqualTo("REBOOT");
            assertThat(event.path("reason").asText()).isEqualTo("REMOTE_COMMAND");
            int telemetryBefore = gateway.published("STB-0001", "telemetry").size();
            await().atMost(AWAIT).until(() -> gateway.published("STB-0001", "telemetry").size() > telemetryBefore);
            assertThat(lastUptime("STB-0001")).isLessThan(before);
            assertThat(lastUptime("STB-0002")).as("the other box runs on").isGreaterThanOrEqualTo(before);
            assertThat(gateway.send("STB-0001", "GET_CONFIG", object()).get().body().path("config").has("model"))
                    .as("commands again after the reboot").isTrue();
        }
    }

    private static double lastUptime(String deviceId) {
        List<GatewayCommandSide.Published> telemetry = gateway.published(deviceId, "telemetry");
        return telemetry.isEmpty() ? -1
                : telemetry.get(telemetry.size() - 1).body().path("metrics").path("uptime_s").asDouble();
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
