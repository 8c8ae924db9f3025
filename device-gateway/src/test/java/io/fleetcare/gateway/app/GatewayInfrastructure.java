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
 * registered OCPP charger {@link #CHARGER} with its password, and {@link #FILE_CHARGER} in a charger file.
 * The CoAP server binds free ports on loopback
 * ({@code %test} profile); the devices' MQTT secrets are also their CoAP pre-shared keys.
 */
public class GatewayInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DEVICE = "STB-1";
    public static final String DEVICE_SECRET = "secret";
    public static final String OTHER_DEVICE = "STB-2";
    public static final String OTHER_DEVICE_SECRET = "secret-2";
    /** Both devices also have their secret as CoAP pre-shared key; CoAP bodies are limited to this size. */
    public static final int COAP_MAX_PAYLOAD_BYTES = 900;
    static final String GATEWAY_USER = "fleetcare-gateway";
    static final String GATEWAY_PASSWORD = "gateway-secret";
    public static final String CHARGER = "CP-1";
    public static final String CHARGER_PASSWORD = "cp-1-password";
    public static final String CHARGER_MODEL = "AC-22-REGISTERED";
    /** A charger listed only in the {@code fleetcare.ocpp.charger-file}, with a hash written by mosquitto_passwd. */
    /** Chargers that tests guess passwords of (OcppUpgradeThrottleIT), so that no other test's charger waits. */
    public static final String GUESSED_CHARGER = "CP-GUESSED";
    public static final String SPREAD_CHARGER = "CP-SPREAD";
    public static final String GUESSED_CHARGER_PASSWORD = "cp-guessed-password";

    public static final String FILE_CHARGER = "CP-FILE";
    public static final String FILE_CHARGER_PASSWORD = "file-charger-pw";
    static final String FILE_CHARGER_HASH = "$7$101$XNXt17iMl0495ssD$iFFlR6ase90dy4yrn0Ur3tkDO5CEAk7lhMtZjaL9Bu"
            + "qCsJQqUX+rTwxodVk7VbhrWxZRt2woO8BuPhF+xkGBlg==";
    public static final String FILE_CHARGER_MODEL = "AC-11-FILE";

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
        kafka.createTopics(1, Topics.DEVICE_TELEMETRY, Topics.DEVICE_COMMANDS, Topics.DEVICE_COMMAND_RESULTS);
        broker = MqttBroker.start(new MqttBrokerSettings(workDir.resolve("mqtt"), GATEWAY_USER, GATEWAY_PASSWORD,
                Map.of(DEVICE, DEVICE_SECRET, OTHER_DEVICE, OTHER_DEVICE_SECRET)));
        Path chargerFile = workDir.resolve("chargers.properties");
        try {
            Files.writeString(chargerFile, FILE_CHARGER + "=" + FILE_CHARGER_HASH + "\n"
                    + FILE_CHARGER + ".model=" + FILE_CHARGER_MODEL + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.ofEntries(
                Map.entry("fleetcare.ocpp.charger-file", chargerFile.toString()),
                Map.entry("fleetcare.mqtt.server-uri", broker.serverUri()),
                Map.entry("fleetcare.mqtt.username", GATEWAY_USER),
                Map.entry("fleetcare.mqtt.password", GATEWAY_PASSWORD),
                Map.entry("kafka.bootstrap.servers", kafka.bootstrapServers()),
                Map.entry("fleetcare.ocpp.chargers." + CHARGER + ".password-hash",
                        BcryptUtil.bcryptHash(CHARGER_PASSWORD)),
                Map.entry("fleetcare.ocpp.chargers." + CHARGER + ".model", CHARGER_MODEL),
                Map.entry("fleetcare.ocpp.chargers." + GUESSED_CHARGER + ".password-hash",
                        BcryptUtil.bcryptHash(GUESSED_CHARGER_PASSWORD)),
                Map.entry("fleetcare.ocpp.chargers." + SPREAD_CHARGER + ".password-hash",
                        BcryptUtil.bcryptHash(GUESSED_CHARGER_PASSWORD)),
                Map.entry("fleetcare.ocpp.call-timeout", "PT10S"),
                Map.entry("fleetcare.coap.psk." + DEVICE, DEVICE_SECRET),
                Map.entry("fleetcare.coap.psk." + OTHER_DEVICE, OTHER_DEVICE_SECRET),
                Map.entry("fleetcare.coap.max-payload-bytes", String.valueOf(COAP_MAX_PAYLOAD_BYTES)));
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
