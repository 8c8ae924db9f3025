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
 * Like {@link GatewayInfrastructure} (MQTT broker with device {@link GatewayInfrastructure#DEVICE}, charger
 * {@link GatewayInfrastructure#CHARGER}, CoAP PSKs) but with a Kafka that the test can {@linkplain #stopKafka() stop}
 * and {@linkplain #startKafka() start again} on the same data directory, and the gateway's spool switched on with a
 * small limit ({@link #SPOOL_MAX_BYTES}). The gateway knows Kafka only by the address of a {@link TcpRelay}; a
 * restarted Kafka listens on a new port (the test kit picks it), and the relay is pointed at it.
 */
public class KafkaOutageInfrastructure implements QuarkusTestResourceLifecycleManager {

    static final long SPOOL_MAX_BYTES = 24 * 1024;

    private static volatile KafkaOutageInfrastructure running;

    private Path workDir;
    private EmbeddedKafka kafka;
    private TcpRelay relay;
    private MqttBroker broker;

    /** The infrastructure of the test class running now. */
    static KafkaOutageInfrastructure running() {
        return running;
    }

    @Override
    public Map<String, String> start() {
        try {
            workDir = Files.createTempDirectory("device-gateway-outage-it");
            relay = new TcpRelay();
            Files.writeString(workDir.resolve("chargers.properties"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startKafka();
        kafka.createTopics(1, Topics.DEVICE_TELEMETRY, Topics.DEVICE_COMMANDS, Topics.DEVICE_COMMAND_RESULTS);
        broker = MqttBroker.start(new MqttBrokerSettings(workDir.resolve("mqtt"), GatewayInfrastructure.GATEWAY_USER,
                GatewayInfrastructure.GATEWAY_PASSWORD,
                Map.of(GatewayInfrastructure.DEVICE, GatewayInfrastructure.DEVICE_SECRET)));
        running = this;
        return Map.ofEntries(
                Map.entry("fleetcare.ocpp.charger-file", workDir.resolve("chargers.properties").toString()),
                Map.entry("fleetcare.mqtt.server-uri", broker.serverUri()),
                Map.entry("fleetcare.mqtt.username", GatewayInfrastructure.GATEWAY_USER),
                Map.entry("fleetcare.mqtt.password", GatewayInfrastructure.GATEWAY_PASSWORD),
                Map.entry("kafka.bootstrap.servers", relay.address()),
                Map.entry("fleetcare.ocpp.chargers." + GatewayInfrastructure.CHARGER + ".password-hash",
                        BcryptUtil.bcryptHash(GatewayInfrastructure.CHARGER_PASSWORD)),
                Map.entry("fleetcare.coap.psk." + GatewayInfrastructure.DEVICE, GatewayInfrastructure.DEVICE_SECRET),
                Map.entry("fleetcare.spool.enabled", "true"),
                Map.entry("fleetcare.spool.dir", workDir.resolve("spool").toString()),
                Map.entry("fleetcare.spool.max-bytes", String.valueOf(SPOOL_MAX_BYTES)));
    }

    /** Stops the broker for real: its port closes, and the relay refuses connections. */
    void stopKafka() {
        relay.target(0);
        kafka.close();
        kafka = null;
    }

    /** Starts the broker again on its data directory (topics and records kept, new port) behind the relay. */
    void startKafka() {
        kafka = EmbeddedKafka.start(workDir.resolve("kafka"));
        String bootstrap = kafka.bootstrapServers();
        relay.target(Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1)));
    }

    /** The broker's own address (not the relay's), for the test's consumer. */
    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void stop() {
        running = null;
        if (broker != null) {
            broker.close();
        }
        if (relay != null) {
            relay.close();
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
