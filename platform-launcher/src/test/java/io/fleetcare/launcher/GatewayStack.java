package io.fleetcare.launcher;

import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.infra.mqtt.MosquittoPasswordFile;
import io.fleetcare.infra.mqtt.MqttBroker;
import io.fleetcare.infra.mqtt.MqttBrokerSettings;
import io.fleetcare.infra.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the platform a device talks to, and nothing else: Kafka (in this JVM), the MQTT broker (Mosquitto
 * when installed) with an account per device, and the gateway as a child JVM that knows the chargers. No
 * PostgreSQL, stream job or API, so that a benchmark of the ingest path shares the machine only with its own load.
 * The gateway starts separately ({@link #startGateway()}), so that the broker can be measured before anyone else
 * subscribes.
 */
public final class GatewayStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String GATEWAY_CLIENT_ID = "fleetcare-gateway-bench";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path data;
    private final ProjectLayout layout;
    private final PidFile pidFile;
    private final PlatformSecrets secrets;
    private final List<String> chargerIds;
    private final List<String> mqttDeviceIds;
    private final List<String> gatewayJvmArgs;
    private EmbeddedKafka kafka;
    private MqttBroker broker;
    private ChildJvm gateway;
    private int gatewayPort;

    private GatewayStack(Path home, Path data, List<String> chargerIds, List<String> mqttDeviceIds,
                         List<String> gatewayJvmArgs) {
        this.data = data.toAbsolutePath().normalize();
        this.layout = new ProjectLayout(home);
        this.chargerIds = List.copyOf(chargerIds);
        this.mqttDeviceIds = List.copyOf(mqttDeviceIds);
        this.gatewayJvmArgs = List.copyOf(gatewayJvmArgs);
        try {
            Files.createDirectories(this.data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.pidFile = new PidFile(this.data.resolve("children.pid"));
        pidFile.stopLeftovers();
        List<String> all = new java.util.ArrayList<>(chargerIds);
        all.addAll(mqttDeviceIds);
        this.secrets = PlatformSecrets.loadOrCreate(this.data, all);
    }

    /**
     * Starts Kafka (topics with 2 partitions; {@code device.telemetry} stamped with the append time) and the broker
     * with an account per MQTT device; not the gateway.
     *
     * @param home           the project's root folder; the gateway must have been packaged there
     * @param data           a folder for this run's state (Kafka log, broker files, secrets, the gateway's log)
     * @param gatewayJvmArgs JVM options of the gateway's JVM (heap, GC)
     * @throws IllegalStateException when the gateway is not built or a part does not come up
     */
    public static GatewayStack startInfrastructure(Path home, Path data, List<String> chargerIds,
                                                   List<String> mqttDeviceIds, List<String> gatewayJvmArgs) {
        GatewayStack stack = new GatewayStack(home, data, chargerIds, mqttDeviceIds, gatewayJvmArgs);
        try {
            stack.layout.gatewayJar();
            stack.kafka = stack.remember(EmbeddedKafka.start(stack.data.resolve("kafka")));
            stack.createTelemetryTopicStampedOnAppend();
            stack.kafka.createTopics(2, Topics.DEVICE_COMMANDS, Topics.DEVICE_COMMAND_RESULTS);
            stack.broker = stack.remember(MqttBroker.start(new MqttBrokerSettings(stack.data.resolve("mqtt"),
                    PlatformSecrets.GATEWAY_BROKER_USER, stack.secrets.gatewayBrokerPassword(),
                    stack.secrets.deviceSecrets(stack.mqttDeviceIds))));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** {@code device.telemetry} (2 partitions) with LogAppendTime: a record's timestamp says when Kafka stored it. */
    private void createTelemetryTopicStampedOnAppend() {
        java.util.Properties props = new java.util.Properties();
        props.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(Topics.DEVICE_TELEMETRY, 2, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot create " + Topics.DEVICE_TELEMETRY, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + Topics.DEVICE_TELEMETRY, e);
        }
    }

    /**
     * Starts the gateway (MQTT shared subscription, OCPP for the chargers) and returns once it is ready.
     *
     * @throws IllegalStateException when it does not become ready within 3 minutes
     */
    public void startGateway() {
        Path chargerFile = writeChargerFile();
        gatewayPort = FreePorts.pick();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(gatewayPort));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("FLEETCARE_MQTT_SERVER_URI", broker.serverUri());
        env.put("FLEETCARE_MQTT_USERNAME", PlatformSecrets.GATEWAY_BROKER_USER);
        env.put("FLEETCARE_MQTT_PASSWORD", secrets.gatewayBrokerPassword());
        env.put("FLEETCARE_MQTT_CLIENT_ID", GATEWAY_CLIENT_ID);
        env.put("FLEETCARE_OCPP_CHARGER_FILE", chargerFile.toString());
        env.put("FLEETCARE_SPOOL_DIR", data.resolve("gateway-spool").toString());
        env.put("FLEETCARE_COAP_HOST", "127.0.0.1");
        env.put("FLEETCARE_COAP_PORT", String.valueOf(FreePorts.pick()));
        env.put("FLEETCARE_COAP_DTLS_PORT", String.valueOf(FreePorts.pick()));
        gateway = remember(ChildJvm.start("device-gateway", gatewayJvmArgs,
                List.of("-jar", layout.gatewayJar().toString()), env, data.resolve("logs"), pidFile));
        gateway.awaitHttpOk(gatewayUrl() + "/q/health/ready", START_TIMEOUT);
    }

    private Path writeChargerFile() {
        StringBuilder lines = new StringBuilder();
        chargerIds.forEach(id -> lines.append(id).append('=')
                .append(MosquittoPasswordFile.hash(secrets.deviceSecret(id))).append('\n'));
        try {
            Path dir = Files.createDirectories(data.resolve("gateway"));
            Path file = dir.resolve("chargers.properties");
            Files.writeString(file, lines.toString());
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gateway's charger file", e);
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The broker's address, e.g. {@code tcp://127.0.0.1:41234}. */
    public String brokerUri() {
        return broker.serverUri();
    }

    /** {@code mosquitto} or {@code hivemq-ce}. */
    public String brokerKind() {
        return broker.kind();
    }

    /** The broker account that may read and write {@code devices/#}. */
    public String serviceUser() {
        return PlatformSecrets.GATEWAY_BROKER_USER;
    }

    public String servicePassword() {
        return secrets.gatewayBrokerPassword();
    }

    /**
     * The secret of one of the stack's devices.
     *
     * @throws IllegalArgumentException for a device the stack was not started with
     */
    public String deviceSecret(String deviceId) {
        return secrets.deviceSecret(deviceId);
    }

    /** The gateway's OCPP endpoint, e.g. {@code ws://127.0.0.1:8081/ocpp}; only after {@link #startGateway()}. */
    public URI ocppBaseUri() {
        return URI.create("ws://127.0.0.1:" + gatewayPort + "/ocpp");
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    public Path gatewayLog() {
        return data.resolve("logs").resolve("device-gateway.log");
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("while stopping " + next.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        pidFile.clear();
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }
}
