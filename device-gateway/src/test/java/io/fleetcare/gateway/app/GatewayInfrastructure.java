package io.fleetcare.gateway.app;

import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.infra.mqtt.MqttBroker;
import io.fleetcare.infra.mqtt.MqttBrokerSettings;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real MQTT broker (Mosquitto when installed) with the devices {@link #DEVICE} and {@link #OTHER_DEVICE}
 * and the gateway's service account, plus an in-process Kafka with {@code device.telemetry} on one
 * partition (so that records of different devices keep the order the gateway sent them in), and one
 * registered OCPP charger {@link #CHARGER} with its password.
 */
public class GatewayInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DEVICE = "STB-1";
    public static final String DEVICE_SECRET = "secret";
    public static final String OTHER_DEVICE = "STB-2";
    static final String GATEWAY_USER = "fleetcare-gateway";
    static final String GATEWAY_PASSWORD = "gateway-secret";
    public static final String CHARGER = "CP-1";
    public static final String CHARGER_PASSWORD = "cp-1-password";
    public static final String CHARGER_MODEL = "AC-22-REGISTERED";

    private Path workDir;
    private EmbeddedKafka kafka;
    private MqttBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("device-gateway-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.start();
        kafka.createTopics(1, Topics.DEVICE_TELEMETRY);
        broker = MqttBroker.start(new MqttBrokerSettings(workDir.resolve("mqtt"), GATEWAY_USER, GATEWAY_PASSWORD,
                Map.of(DEVICE, DEVICE_SECRET, OTHER_DEVICE, "secret-2")));
        return Map.of(
                "fleetcare.mqtt.server-uri", broker.serverUri(),
                "fleetcare.mqtt.username", GATEWAY_USER,
                "fleetcare.mqtt.password", GATEWAY_PASSWORD,
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "fleetcare.ocpp.chargers." + CHARGER + ".password-hash", BcryptUtil.bcryptHash(CHARGER_PASSWORD),
                "fleetcare.ocpp.chargers." + CHARGER + ".model", CHARGER_MODEL,
                "fleetcare.ocpp.call-timeout", "PT10S");
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
