package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Severity;
import io.fleetcare.events.Topics;
import io.fleetcare.gateway.brokerwatch.BrokerDropWatch;
import io.fleetcare.infra.mqtt.MosquittoBroker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 4 of issue 13: a real Mosquitto whose queue per session is forced to {@value
 * BrokerOverflowInfrastructure#QUEUED_MESSAGES} messages drops QoS 1 messages its devices already had acknowledged,
 * and the gateway turns that into a metric and one MAJOR alert on {@code device.alerts} naming the broker and the
 * count, cleared once the broker stops dropping. The session that overflows is an offline member of the gateway's
 * shared group, as after an instance crashed: Mosquitto goes on giving it its share of the messages.
 */
@QuarkusTest
@WithTestResource(BrokerOverflowInfrastructure.class)
class BrokerDropAlertIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String METRIC = "gateway_broker_messages_dropped_total{broker=\""
            + BrokerOverflowInfrastructure.BROKER_NAME + "\"}";
    private static final int MESSAGES = 80;

    @ConfigProperty(name = "fleetcare.mqtt.server-uri")
    String brokerUri;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void messagesTheBrokerDropsRaiseOneAlertNamingTheBrokerAndTheCountAndItClearsLater() throws Exception {
        assumeTrue(MosquittoBroker.isInstalled(), "only Mosquitto publishes $SYS counters");
        // given: the gateway is up and has read the broker's counter, and a crashed member of its shared group
        // left a persistent session behind
        await().atMost(DELIVERY).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        await().atMost(DELIVERY).until(() -> metric("gateway_broker_drop_watch_available{broker=\""
                + BrokerOverflowInfrastructure.BROKER_NAME + "\"}") == 1.0);
        assertThat(metric(METRIC)).isZero();
        leaveAnOfflineSessionInTheSharedGroup();

        // when: a device publishes more QoS 1 messages than that session's share fits in its queue
        MqttClient device = connect(GatewayInfrastructure.DEVICE, GatewayInfrastructure.DEVICE,
                GatewayInfrastructure.DEVICE_SECRET, true);
        for (int i = 0; i < MESSAGES; i++) {
            device.publish("devices/" + GatewayInfrastructure.DEVICE + "/telemetry",
                    new MqttMessage("{\"seq\":%d,\"metrics\":{\"cpu_pct\":%d}}".formatted(i, i)
                            .getBytes(StandardCharsets.UTF_8), 1, false, null));
        }
        device.disconnect();
        device.close();

        // then: every PUBACK came back, yet the broker dropped some; the metric shows its count
        AtomicLong brokerCount = new AtomicLong();
        await().atMost(DELIVERY).untilAsserted(() -> {
            brokerCount.set(readBrokerDroppedCounter());
            assertThat(brokerCount.get()).isPositive();
            assertThat(metric(METRIC)).isEqualTo((double) brokerCount.get());
        });
        // and one RAISED alert names the broker and the count, and is not repeated
        List<Alert> alerts = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = alertConsumer()) {
            await().atMost(DELIVERY).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(decode(r)));
                return alerts.stream().anyMatch(a -> a.state() == Alert.State.CLEARED);
            });
        }
        assertThat(alerts).hasSize(2);
        Alert raised = alerts.get(0);
        Alert cleared = alerts.get(1);
        assertThat(raised.state()).isEqualTo(Alert.State.RAISED);
        assertThat(raised.deviceId()).isEqualTo(BrokerOverflowInfrastructure.BROKER_NAME);
        assertThat(raised.deviceType()).isEqualTo(DeviceType.PLATFORM_COMPONENT);
        assertThat(raised.ruleId()).isEqualTo(BrokerDropWatch.RULE_ID);
        assertThat(raised.severity()).isEqualTo(Severity.MAJOR);
        double raisedCount = raised.evidence().get(0).value();
        assertThat(raisedCount).isPositive().isLessThanOrEqualTo(brokerCount.get());
        assertThat(raised.message()).contains(BrokerOverflowInfrastructure.BROKER_NAME)
                .contains("dropped " + (long) raisedCount + " messages");
        // and once the broker stops dropping, the same episode clears with its total
        assertThat(cleared.alertId()).isEqualTo(raised.alertId());
        assertThat(cleared.evidence().get(0).value()).isEqualTo((double) brokerCount.get());
        assertThat(cleared.message()).contains(brokerCount.get() + " dropped in this episode");
    }

    private void leaveAnOfflineSessionInTheSharedGroup() throws Exception {
        MqttClient crashed = connect("fleetcare-gateway-crashed", GatewayInfrastructure.GATEWAY_USER,
                GatewayInfrastructure.GATEWAY_PASSWORD, false);
        crashed.subscribe(new MqttSubscription[] {
                new MqttSubscription("$share/fleetcare-gateway/devices/+/telemetry", 1)});
        crashed.disconnect();
        crashed.close();
    }

    private MqttClient connect(String clientId, String user, String password, boolean cleanStart) throws Exception {
        MqttClient client = new MqttClient(brokerUri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(cleanStart);
        if (!cleanStart) {
            options.setSessionExpiryInterval(600L);
        }
        client.connect(options);
        return client;
    }

    /** The broker's own counter, read as the service account (the retained $SYS value). */
    private long readBrokerDroppedCounter() throws Exception {
        AtomicLong value = new AtomicLong(-1);
        MqttClient reader = connect("overflow-it-reader", GatewayInfrastructure.GATEWAY_USER,
                GatewayInfrastructure.GATEWAY_PASSWORD, true);
        try {
            reader.subscribe(new MqttSubscription[] {new MqttSubscription(MosquittoBroker.DROPPED_COUNTER_TOPIC, 0)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> value.set(
                            Long.parseLong(new String(message.getPayload(), StandardCharsets.US_ASCII).strip()))});
            await().atMost(Duration.ofSeconds(10)).until(() -> value.get() >= 0);
        } finally {
            reader.disconnect();
            reader.close();
        }
        return value.get();
    }

    private KafkaConsumer<String, String> alertConsumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(Topics.DEVICE_ALERTS, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }

    private static Alert decode(ConsumerRecord<String, String> record) {
        assertThat(record.key()).isEqualTo(BrokerOverflowInfrastructure.BROKER_NAME);
        return EventCodec.decode(record.value(), Alert.class);
    }

    /** The value of one Prometheus sample on /q/metrics, 0 when it is not there yet. */
    private static double metric(String sample) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
                .findFirst()
                .orElse(0.0);
    }
}
