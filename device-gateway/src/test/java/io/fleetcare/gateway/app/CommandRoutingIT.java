package io.fleetcare.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.events.Topics;
import io.fleetcare.gateway.command.CommandConsumer;
import io.fleetcare.gateway.command.MqttCommandLink;
import io.fleetcare.gateway.ocpp.RawChargePoint;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GatewayInfrastructure.class)
class CommandRoutingIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI http;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "fleetcare.mqtt.server-uri")
    String brokerUri;

    @Inject
    CommandConsumer commandConsumer;

    @Inject
    MqttCommandLink mqttCommands;

    private KafkaProducer<String, String> commands;
    private KafkaConsumer<String, String> results;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void gatewayListensForCommands() {
        await().atMost(DELIVERY).until(() -> commandConsumer.isListening() && mqttCommands.isSubscribed());
        commands = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
        results = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(Topics.DEVICE_COMMAND_RESULTS, 0);
        results.assign(List.of(partition));
        results.seekToBeginning(List.of(partition));
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        if (commands != null) {
            commands.close();
        }
        if (results != null) {
            results.close();
        }
    }

    @Test
    void getConfigurationForAConnectedChargerIsAnsweredCompletedWithTheChargersPayload() throws Exception {
        // given
        RawChargePoint charger = bootedCharger();
        String commandId = UUID.randomUUID().toString();

        // when
        sendCommand(commandId, GatewayInfrastructure.CHARGER, "GET_CONFIGURATION",
                "{\"key\":[\"HeartbeatInterval\"]}", 30);
        String frame = charger.next();
        JsonNode call = JSON.readTree(frame);
        charger.send("""
                [3,"%s",{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"}]}]"""
                .formatted(call.get(1).textValue()));

        // then
        assertThat(frame).as("no operator name reaches a device").doesNotContain("noc-li");
        assertThat(call.get(2).textValue()).isEqualTo("GetConfiguration");
        assertThat(call.get(3).get("key").get(0).textValue()).isEqualTo("HeartbeatInterval");
        ConsumerRecord<String, String> record = awaitResult(commandId);
        JsonNode result = JSON.readTree(record.value());
        assertThat(record.key()).isEqualTo(GatewayInfrastructure.CHARGER);
        assertThat(result.get("deviceId").textValue()).isEqualTo(GatewayInfrastructure.CHARGER);
        assertThat(result.get("status").textValue()).isEqualTo("COMPLETED");
        assertThat(result.get("payload").get("configurationKey").get(0).get("value").textValue()).isEqualTo("300");
        assertThat(result.get("at").textValue()).isNotBlank();
    }

    @Test
    void commandForAnMqttDeviceIsCompletedWithTheDevicesReplyOnItsResponseTopic() throws Exception {
        // given
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        MqttClient device = setTopBox(received);
        String commandId = UUID.randomUUID().toString();

        // when
        sendCommand(commandId, GatewayInfrastructure.DEVICE, "SELF_TEST", "{\"suite\":\"tuner\"}", 30);
        MqttMessage command = received.poll(30, TimeUnit.SECONDS);
        assertThat(command).as("command delivered to the device").isNotNull();
        MqttMessage reply = new MqttMessage("{\"passed\":true,\"tuner_snr_db\":31.5}".getBytes(StandardCharsets.UTF_8));
        reply.setQos(1);
        MqttProperties replyProperties = new MqttProperties();
        replyProperties.setCorrelationData(command.getProperties().getCorrelationData());
        reply.setProperties(replyProperties);
        device.publish(command.getProperties().getResponseTopic(), reply);

        // then
        assertThat(command.getProperties().getResponseTopic()).isEqualTo("devices/STB-1/commands/result");
        assertThat(new String(command.getProperties().getCorrelationData(), StandardCharsets.UTF_8))
                .isEqualTo(commandId);
        JsonNode body = JSON.readTree(command.getPayload());
        assertThat(new String(command.getPayload(), StandardCharsets.UTF_8)).as("no operator name reaches a device")
                .doesNotContain("noc-li").doesNotContain("requestedBy");
        assertThat(body.get("command").textValue()).isEqualTo("SELF_TEST");
        assertThat(body.get("params").get("suite").textValue()).isEqualTo("tuner");
        JsonNode result = JSON.readTree(awaitResult(commandId).value());
        assertThat(result.get("status").textValue()).isEqualTo("COMPLETED");
        assertThat(result.get("deviceId").textValue()).isEqualTo(GatewayInfrastructure.DEVICE);
        assertThat(result.get("payload").get("passed").booleanValue()).isTrue();
        assertThat(result.get("payload").get("tuner_snr_db").doubleValue()).isEqualTo(31.5);
    }

    @Test
    void commandForAChargerThatNeverAnswersTimesOut() throws Exception {
        // given
        RawChargePoint charger = bootedCharger();
        String commandId = UUID.randomUUID().toString();

        // when the charger receives the call and stays silent
        sendCommand(commandId, GatewayInfrastructure.CHARGER, "RESET", "{\"type\":\"Soft\"}", 1);
        JsonNode call = JSON.readTree(charger.next());

        // then
        assertThat(call.get(2).textValue()).isEqualTo("Reset");
        JsonNode result = JSON.readTree(awaitResult(commandId).value());
        assertThat(result.get("status").textValue()).isEqualTo("TIMED_OUT");
    }

    private RawChargePoint bootedCharger() {
        RawChargePoint charger = RawChargePoint.connect(URI.create("ws" + http.toString().substring("http".length())), GatewayInfrastructure.CHARGER, "ocpp1.6",
                GatewayInfrastructure.CHARGER_PASSWORD).join();
        opened.add(charger);
        charger.exchange("""
                [2,"boot-cmd","BootNotification",{"chargePointVendor":"Acme","chargePointModel":"AC-22"}]""");
        return charger;
    }

    private MqttClient setTopBox(BlockingQueue<MqttMessage> received) throws MqttException {
        MqttClient device = new MqttClient(brokerUri, GatewayInfrastructure.DEVICE,
                new MemoryPersistence());
        device.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(message);
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(GatewayInfrastructure.DEVICE);
        options.setPassword(GatewayInfrastructure.DEVICE_SECRET.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        device.connect(options);
        device.subscribe(new MqttSubscription[] {new MqttSubscription("devices/STB-1/commands", 1)});
        opened.add(() -> {
            device.disconnect();
            device.close();
        });
        return device;
    }

    private void sendCommand(String commandId, String deviceId, String command, String params, int timeoutSeconds)
            throws Exception {
        String body = """
                {"commandId":"%s","deviceId":"%s","command":"%s","params":%s,"requestedBy":"noc-li",
                 "requestedAt":"2026-11-24T10:00:00.123Z","timeoutSeconds":%d}"""
                .formatted(commandId, deviceId, command, params, timeoutSeconds);
        commands.send(new ProducerRecord<>(Topics.DEVICE_COMMANDS, deviceId, body)).get(10, TimeUnit.SECONDS);
    }

    private ConsumerRecord<String, String> awaitResult(String commandId) {
        return await().atMost(DELIVERY).until(() -> {
            results.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(r -> r.value().contains(commandId)).findFirst().orElse(null);
        }, found -> found != null);
    }
}
