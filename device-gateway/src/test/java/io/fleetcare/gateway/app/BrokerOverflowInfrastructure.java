package io.fleetcare.gateway.app;

import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.infra.mqtt.MqttBroker;
import io.fleetcare.infra.mqtt.MqttBrokerSettings;
import io.fleetcare.infra.mqtt.SessionQueueLimits;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Like {@link GatewayInfrastructure} (device {@link GatewayInfrastructure#DEVICE}, the gateway's service account,
 * in-process Kafka) but with a broker whose queue per session is forced small ({@link #QUEUED_MESSAGES} messages,
 * {@code $SYS} every second), {@code device.alerts} on Kafka, and the drop watch clearing an episode after
 * {@link #CLEAR_AFTER}.
 */
public class BrokerOverflowInfrastructure implements QuarkusTestResourceLifecycleManager {

    static final int QUEUED_MESSAGES = 10;
    /** Mosquitto also announces this as its Receive Maximum to publishing devices: not too small for them. */
    static final int INFLIGHT_MESSAGES = 100;
    static final Duration CLEAR_AFTER = Duration.ofSeconds(4);
    static final String BROKER_NAME = "mqtt-broker-it";

    private Path workDir;
    private EmbeddedKafka kafka;
    private MqttBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("device-gateway-overflow-it");
            Files.writeString(workDir.resolve("chargers.properties"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.start();
        kafka.createTopics(1, Topics.DEVICE_TELEMETRY, Topics.DEVICE_ALERTS, Topics.DEVICE_COMMANDS,
                Topics.DEVICE_COMMAND_RESULTS);
        broker = MqttBroker.start(new MqttBrokerSettings(workDir.resolve("mqtt"), GatewayInfrastructure.GATEWAY_USER,
                GatewayInfrastructure.GATEWAY_PASSWORD,
                Map.of(GatewayInfrastructure.DEVICE, GatewayInfrastructure.DEVICE_SECRET)),
                new SessionQueueLimits(QUEUED_MESSAGES, 1_000_000, INFLIGHT_MESSAGES, Duration.ofSeconds(1)));
        return Map.ofEntries(
                Map.entry("fleetcare.ocpp.charger-file", workDir.resolve("chargers.properties").toString()),
                Map.entry("fleetcare.mqtt.server-uri", broker.serverUri()),
                Map.entry("fleetcare.mqtt.username", GatewayInfrastructure.GATEWAY_USER),
                Map.entry("fleetcare.mqtt.password", GatewayInfrastructure.GATEWAY_PASSWORD),
                Map.entry("kafka.bootstrap.servers", kafka.bootstrapServers()),
                Map.entry("fleetcare.broker-watch.broker-name", BROKER_NAME),
                Map.entry("fleetcare.broker-watch.clear-after", CLEAR_AFTER.toString()));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (workDir != null) {
            try (Stream<Path> files = Files.walk(workDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a leftover temp directory is harmless
            }
        }
    }
}
