package io.fleetcare.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.infra.mqtt.MqttBroker;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded MQTT broker's device accounts in step with the credentials the service API issues: reads the
 * compacted topic {@value #TOPIC} from its beginning on a thread of its own and hands each device's newest
 * {@code $7$} hash to {@link MqttBroker#updateDeviceSecret}. The launcher owns the broker, so it is the one to do it;
 * a production broker needs the same sync (or Mosquitto's dynamic-security plugin fed from the same topic).
 */
final class BrokerAccountSync implements AutoCloseable {

    /** The service API's credentials topic (its {@code DeviceCredentialMessage.TOPIC}). */
    static final String TOPIC = "device.credentials";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerAccountSync.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, byte[]> consumer;
    private final MqttBroker broker;
    private final Map<String, Integer> applied = new HashMap<>();
    private final Thread thread;
    private volatile boolean stopping;

    private BrokerAccountSync(String bootstrapServers, MqttBroker broker) {
        this.broker = broker;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "platform-launcher-broker-accounts-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "broker-account-sync");
        this.thread.setDaemon(true);
    }

    /**
     * Creates the topic compacted unless it exists (the service API would create it too, but later: until then every
     * reader of it logs a missing topic), and starts reading; returns at once.
     *
     * @throws IllegalStateException when Kafka refuses to create the topic
     */
    static BrokerAccountSync start(String bootstrapServers, MqttBroker broker) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the topic " + TOPIC, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the topic " + TOPIC + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topic " + TOPIC, e);
        }
        BrokerAccountSync sync = new BrokerAccountSync(bootstrapServers, broker);
        sync.thread.start();
        return sync;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(TOPIC));
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    apply(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("syncing broker accounts from {} stopped: {}", TOPIC, e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        JsonNode message;
        try {
            message = JSON.readTree(record.value());
        } catch (IOException e) {
            LOG.warn("malformed credential at {}-{}@{} skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        String deviceId = message.path("deviceId").asText(null);
        String hash = message.path("secretHash").asText(null);
        int version = message.path("version").asInt(0);
        if (deviceId == null || hash == null || version < 1) {
            LOG.warn("credential at {}-{}@{} without device id, hash or version skipped", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        if (applied.getOrDefault(deviceId, 0) >= version) {
            return;
        }
        try {
            broker.updateDeviceSecret(deviceId, hash);
            applied.put(deviceId, version);
            LOG.info("broker account of device {} set to credential version {}", deviceId, version);
        } catch (RuntimeException e) {
            LOG.error("broker account of device {} not updated to version {}: {}", deviceId, version, e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
