package io.fleetcare.launcher;

import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.infra.mqtt.MqttBroker;
import io.fleetcare.infra.mqtt.MqttBrokerSettings;
import io.fleetcare.infra.net.FreePorts;
import io.fleetcare.infra.postgres.EmbeddedPostgres;
import io.fleetcare.simulator.fleet.ChargerFleet;
import io.fleetcare.simulator.fleet.FleetPlan;
import io.fleetcare.simulator.fleet.SimulatedFleet;
import io.fleetcare.simulator.scenario.ScenarioFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: Kafka (KRaft), PostgreSQL and an MQTT broker inside this
 * JVM; the gateway, the device-health stream job (Flink MiniCluster) and the service API as child
 * JVMs; and a simulated fleet of set-top boxes. {@link #close()} stops everything in reverse order.
 */
public final class EmbeddedPlatform implements AutoCloseable {

    static {
        // HiveMQ's jar carries a logback.xml of its own; ours has a name of its own so it is the one used
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "launcher-logback.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPlatform.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    static final String DATABASE = "fleetcare";
    /** File in the data directory with {@code deviceId=secret} of the extra devices of the options. */
    static final String EXTRA_DEVICE_CREDENTIALS = "device-credentials.properties";
    /** How often the gateway polls the Modbus devices among the extra devices (scenarios report every second). */
    static final Duration MODBUS_POLL_INTERVAL = Duration.ofSeconds(1);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final PlatformOptions options;
    private PidFile pidFile;
    private EmbeddedKafka kafka;
    private MqttBroker broker;
    private PlatformSecrets secrets;
    private SimulatedFleet fleet;
    private ChargerFleet chargerFleet;
    private int apiPort;
    private int gatewayPort;
    private int coapPort;
    private int coapDtlsPort;
    private final Map<String, Integer> modbusPorts = new java.util.LinkedHashMap<>();
    private String jdbcUrl;
    private String postgresUser;
    private String postgresPassword;
    private DemoSeeder.Story story;
    private String storyFailure;

    private EmbeddedPlatform(PlatformOptions options) {
        this.options = options;
    }

    /**
     * Starts everything and returns once the API, the gateway, the stream job and the fleet are up.
     *
     * @throws IllegalStateException when a part does not come up; whatever did start is stopped again
     */
    public static EmbeddedPlatform start(PlatformOptions options) {
        EmbeddedPlatform platform = new EmbeddedPlatform(options);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        Path data = options.dataDir().toAbsolutePath().normalize();
        ProjectLayout layout = new ProjectLayout(options.home());
        try {
            Files.createDirectories(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        pidFile = new PidFile(data.resolve("children.pid"));
        pidFile.stopLeftovers();
        DeviceRoster roster = DeviceRoster.of(options);
        secrets = PlatformSecrets.loadOrCreate(data, roster.allIds());
        Path chargerFile = GatewayDeviceFiles.writeChargers(data.resolve("gateway"), roster.chargerModels(),
                secrets::deviceSecret);
        roster.modbusModels().keySet().forEach(id -> modbusPorts.put(id, FreePorts.pick()));
        Path modbusDevicesFile = modbusPorts.isEmpty() ? null
                : GatewayDeviceFiles.writeModbusDevices(data.resolve("gateway"), roster.modbusModels(),
                        modbusPorts::get, MODBUS_POLL_INTERVAL);
        Path coapKeysFile = roster.coapDevices().isEmpty() ? null
                : GatewayDeviceFiles.writeCoapKeys(data.resolve("gateway"), roster.coapDevices(), secrets::deviceSecret);
        if (!options.extraDevices().isEmpty()) {
            secrets.writeDeviceCredentials(data.resolve(EXTRA_DEVICE_CREDENTIALS),
                    options.extraDevices().stream().map(PlatformOptions.ExtraDevice::id).toList());
        }

        LOG.info("starting PostgreSQL, Kafka and the MQTT broker (data in {})", data);
        EmbeddedPostgres postgres = remember(EmbeddedPostgres.start(data.resolve("postgres")));
        jdbcUrl = postgres.jdbcUrl(DATABASE);
        postgresUser = postgres.username();
        postgresPassword = postgres.password();
        kafka = remember(EmbeddedKafka.start(data.resolve("kafka")));
        kafka.createTopics(2, Topics.DEVICE_TELEMETRY, Topics.DEVICE_ALERTS, Topics.MAINTENANCE_REQUESTS,
                Topics.DEVICE_COMMANDS, Topics.DEVICE_COMMAND_RESULTS);
        broker = remember(MqttBroker.start(new MqttBrokerSettings(data.resolve("mqtt"),
                PlatformSecrets.GATEWAY_BROKER_USER, secrets.gatewayBrokerPassword(),
                secrets.deviceSecrets(roster.brokerDevices()))));
        LOG.info("PostgreSQL on port {}, Kafka at {}, {} broker at {}", postgres.port(), kafka.bootstrapServers(),
                broker.kind(), broker.serverUri());
        // credentials issued by the API reach the broker's device accounts from Kafka (see BrokerAccountSync)
        remember(BrokerAccountSync.start(kafka.bootstrapServers(), broker));

        apiPort = options.apiPort() == 0 ? FreePorts.pick() : FreePorts.preferOrPick(options.apiPort());
        gatewayPort = options.gatewayPort() == 0 ? FreePorts.pick() : FreePorts.preferOrPick(options.gatewayPort());
        // UDP; a port free for TCP on loopback is in practice free for UDP too
        coapPort = FreePorts.pick();
        Path logs = data.resolve("logs");

        Map<String, String> apiEnv = new java.util.LinkedHashMap<>(Map.ofEntries(
                        Map.entry("QUARKUS_HTTP_PORT", String.valueOf(apiPort)),
                        Map.entry("QUARKUS_HTTP_HOST", "127.0.0.1"),
                        Map.entry("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl),
                        Map.entry("QUARKUS_DATASOURCE_USERNAME", postgres.username()),
                        Map.entry("QUARKUS_DATASOURCE_PASSWORD", postgres.password()),
                        Map.entry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                        Map.entry("FLEETCARE_BOOTSTRAP_ADMIN_USERNAME", PlatformSecrets.ADMIN_USER),
                        Map.entry("FLEETCARE_BOOTSTRAP_ADMIN_PASSWORD", secrets.adminPassword()),
                        Map.entry("FLEETCARE_DEVICE_CREDENTIALS_STORAGE_KEY", secrets.credentialsStorageKey()),
                        Map.entry("FLEETCARE_DEVICE_CREDENTIALS_TRANSPORT_KEY", secrets.credentialsTransportKey()),
                        Map.entry("fleetcare.archive.keys.launcher", secrets.archiveKey()),
                        Map.entry("FLEETCARE_ARCHIVE_ACTIVE_KEY", "launcher"),
                        Map.entry("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", secrets.apiSessionKey())));
        if (options.rulesFile() != null
                && options.rulesFile().getFileName().toString().equals(ScenarioFile.SCENARIO_RULES)) {
            // the scenario rules shorten time (offline after 15 s instead of minutes); the site correlation's
            // window shortens with them, so that a lone charger's ticket opens within a scenario's run
            apiEnv.put("FLEETCARE_SITES_WINDOW", "PT30S");
        }
        ChildJvm api = remember(ChildJvm.start("service-api", quarkusJvmArgs(),
                List.of("-jar", layout.serviceApiJar().toString()), apiEnv, logs, pidFile));
        Map<String, String> gatewayEnv = new java.util.LinkedHashMap<>();
        gatewayEnv.put("QUARKUS_HTTP_PORT", String.valueOf(gatewayPort));
        gatewayEnv.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        gatewayEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        gatewayEnv.put("FLEETCARE_MQTT_SERVER_URI", broker.serverUri());
        gatewayEnv.put("FLEETCARE_MQTT_USERNAME", PlatformSecrets.GATEWAY_BROKER_USER);
        gatewayEnv.put("FLEETCARE_MQTT_PASSWORD", secrets.gatewayBrokerPassword());
        gatewayEnv.put("FLEETCARE_MQTT_CLIENT_ID", "fleetcare-gateway-1");
        gatewayEnv.put("FLEETCARE_OCPP_CHARGER_FILE", chargerFile.toString());
        gatewayEnv.put("FLEETCARE_CREDENTIALS_TRANSPORT_KEY", secrets.credentialsTransportKey());
        // events accepted while Kafka was unreachable belong to this data directory's Kafka
        gatewayEnv.put("FLEETCARE_SPOOL_DIR", data.resolve("gateway-spool").toString());
        gatewayEnv.put("FLEETCARE_COAP_HOST", "127.0.0.1");
        gatewayEnv.put("FLEETCARE_COAP_PORT", String.valueOf(coapPort));
        coapDtlsPort = FreePorts.pick();
        gatewayEnv.put("FLEETCARE_COAP_DTLS_PORT", String.valueOf(coapDtlsPort));
        if (coapKeysFile != null) {
            // the keys must be held in clear (PSK); a config file of the data directory keeps them off the command line
            gatewayEnv.put("QUARKUS_CONFIG_LOCATIONS", coapKeysFile.toUri().toString());
        }
        if (modbusDevicesFile != null) {
            gatewayEnv.put("FLEETCARE_MODBUS_DEVICES_FILE", modbusDevicesFile.toString());
            // devices of a scenario start listening after the gateway: retry them often while they are not up
            gatewayEnv.put("FLEETCARE_MODBUS_MAX_BACKOFF", MODBUS_POLL_INTERVAL.multipliedBy(2).toString());
        }
        ChildJvm gateway = remember(ChildJvm.start("device-gateway", quarkusJvmArgs(),
                List.of("-jar", layout.gatewayJar().toString()), gatewayEnv, logs, pidFile));
        List<String> jobArgs = new ArrayList<>(List.of("-cp", layout.streamJobsClasspath(), ProjectLayout.STREAM_JOB_MAIN,
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--checkpoint-dir", data.resolve("flink-checkpoints").toString(),
                "--resume-latest",
                "--jdbc-url", jdbcUrl,
                "--jdbc-user", postgres.username(),
                "--parallelism", "1",
                "--local"));
        if (options.rulesFile() != null) {
            jobArgs.addAll(List.of("--rules", options.rulesFile().toAbsolutePath().toString()));
        }
        ChildJvm job = remember(ChildJvm.start("stream-jobs", List.of("-Xmx768m", "-XX:+UseSerialGC"), jobArgs,
                Map.of("FLEETCARE_JDBC_PASSWORD", postgres.password()),
                logs, pidFile));

        gateway.awaitHttpOk("http://127.0.0.1:" + gatewayPort + "/q/health/ready", START_TIMEOUT);
        LOG.info("gateway ready on port {}", gatewayPort);
        FleetPlan chargerPlan = FleetPlan.chargers(options.chargers(), 0, options.faultyChargers(), options.seed(),
                secrets::deviceSecret);
        FleetPlan boxPlan = FleetPlan.setTopBoxes(options.setTopBoxes(), options.overheating(), options.seed(),
                secrets::deviceSecret);
        if (!tellsStory()) {
            // the fleet starts as soon as the gateway listens; Kafka keeps its telemetry until the job reads it
            startFleet(chargerPlan, boxPlan);
        }
        job.awaitLogLine("device-health job running", START_TIMEOUT);
        LOG.info("device-health stream job running");
        api.awaitHttpOk("http://127.0.0.1:" + apiPort + "/q/health/ready", START_TIMEOUT);
        LOG.info("service API ready on port {}", apiPort);
        if (tellsStory()) {
            // the story first, so that the devices are in the registry (with their owners) before their first alert
            seedStory(data, boxPlan, chargerPlan);
            startFleet(chargerPlan, boxPlan);
        }

    }

    /** Whether this start seeds (or finds) the demo story: asked for, and there is a simulated fleet to tell it of. */
    private boolean tellsStory() {
        return options.demoStory() && options.setTopBoxes() + options.chargers() > 0;
    }

    private void seedStory(Path data, FleetPlan boxes, FleetPlan chargers) {
        Map<String, String> passwords = Map.of(PlatformSecrets.ADMIN_USER, secrets.adminPassword(),
                DemoSeeder.MANAGER, secrets.demoAccountPassword(DemoSeeder.MANAGER),
                DemoSeeder.ENGINEER, secrets.demoAccountPassword(DemoSeeder.ENGINEER));
        DemoSeeder seeder = new DemoSeeder(new ServiceApiClient(apiUrl(), passwords), PlatformSecrets.ADMIN_USER,
                new DemoSeeder.TelemetryStore(jdbcUrl, postgresUser, postgresPassword), java.time.Clock.systemUTC(),
                options.seed());
        try {
            story = seeder.seedOnce(data, boxes, chargers, passwords);
            LOG.info("demo story {} ({} devices, {} hourly rollups, seeded in {} ms)",
                    story.seededNow() ? "seeded" : "already seeded", story.devices(), story.rollupRows(),
                    story.took().toMillis());
        } catch (RuntimeException e) {
            // the platform itself runs; the banner says the story is missing and why
            storyFailure = e.getMessage();
            LOG.error("the demo story could not be seeded: {}", e.getMessage(), e);
        }
    }

    /** The demo's story as seeded; null when the options ask for none or seeding failed. */
    DemoSeeder.Story story() {
        return story;
    }

    private void startFleet(FleetPlan chargers, FleetPlan plan) {
        if (options.chargers() > 0) {
            try {
                chargerFleet = remember(ChargerFleet.start(chargers,
                        java.net.URI.create("ws://127.0.0.1:" + gatewayPort + "/ocpp")));
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("simulated chargers could not connect: " + e.getMessage(), e);
            }
        }
        if (options.setTopBoxes() == 0) {
            return;
        }
        try {
            fleet = remember(SimulatedFleet.start(plan, broker.serverUri(), options.telemetryInterval()));
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            throw new IllegalStateException("simulated fleet could not connect: " + e.getMessage(), e);
        }
    }


    private static List<String> quarkusJvmArgs() {
        return List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    /** Base URL of the service API, e.g. {@code http://127.0.0.1:8080}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** The gateway's OCPP endpoint, e.g. {@code ws://127.0.0.1:8081/ocpp}; chargers append their id. */
    public java.net.URI ocppBaseUri() {
        return java.net.URI.create("ws://127.0.0.1:" + gatewayPort + "/ocpp");
    }

    /** The gateway's CoAP-over-DTLS endpoint, e.g. {@code coaps://127.0.0.1:5684}; devices post to {@code /devices/{id}/…}. */
    public String coapsUri() {
        return "coaps://127.0.0.1:" + coapDtlsPort;
    }

    /**
     * The loopback port on which each Modbus device among the extra devices must listen: the gateway polls it there
     * (unit 1, the built-in charger profile, every {@link #MODBUS_POLL_INTERVAL}). Empty when there is none.
     */
    public Map<String, Integer> modbusPorts() {
        return Map.copyOf(modbusPorts);
    }

    /**
     * The secret of a device the platform knows (its simulated fleet and the extra devices of its options).
     *
     * @throws IllegalArgumentException for any other device
     */
    public String deviceSecret(String deviceId) {
        return secrets.deviceSecret(deviceId);
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    public String adminUser() {
        return PlatformSecrets.ADMIN_USER;
    }

    public String adminPassword() {
        return secrets.adminPassword();
    }

    /** The password of a demo account ({@link DemoSeeder#MANAGER}, {@link DemoSeeder#ENGINEER}), kept in the secrets. */
    String demoAccountPassword(String username) {
        return secrets.demoAccountPassword(username);
    }

    /** JDBC URL of the platform's database (tickets in {@code public}, telemetry in {@code telemetry}). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String postgresUser() {
        return postgresUser;
    }

    public String postgresPassword() {
        return postgresPassword;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The simulated chargers; null when the platform runs without them. */
    public ChargerFleet chargerFleet() {
        return chargerFleet;
    }

    /** The simulated set-top boxes; null when the platform runs without them. */
    public SimulatedFleet fleet() {
        return fleet;
    }

    /** The broker account the gateway subscribes with (it may read every device's topics). */
    String brokerServiceUser() {
        return PlatformSecrets.GATEWAY_BROKER_USER;
    }

    String brokerServicePassword() {
        return secrets.gatewayBrokerPassword();
    }

    public MqttBroker broker() {
        return broker;
    }

    public Path logDir() {
        return options.dataDir().toAbsolutePath().normalize().resolve("logs");
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("while stopping {}: {}", next.getClass().getSimpleName(), e.getMessage());
            }
        }
        if (pidFile != null) {
            pidFile.clear();
        }
    }

    /** Starts the platform from the command line (see {@link PlatformOptions#usage()}); runs until Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        PlatformCommand.run(args);
    }

    /** What the console shows once the platform is up: where everything is and how to log in. */
    String banner() {
        return PlatformBanner.of(this, options, tellsStory(), storyFailure);
    }
}
