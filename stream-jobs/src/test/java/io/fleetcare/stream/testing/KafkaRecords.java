package io.fleetcare.stream.testing;

import static org.awaitility.Awaitility.await;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishing telemetry to and reading records from a test broker. */
public final class KafkaRecords {

    /**
     * A connection notice of an energy meter at {@link Telemetry#T0}: no rule watches energy
     * meters, the telemetry store skips connection notices, and all copies but the first are
     * duplicates.
     */
    public static final DeviceEvent KEEP_ALIVE = new DeviceEvent("keep-alive", "EM-KEEPALIVE-0000",
            DeviceType.ENERGY_METER, "EM-TEST", Protocol.MODBUS, EventKind.CONNECTION, Telemetry.T0, Telemetry.T0,
            Map.of(), null, new DeviceOccurrence("CONNECTED", null, null, null));

    private final String bootstrapServers;

    public KafkaRecords(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Publishes the events to {@code topic}, keyed by device, in list order. */
    public void publish(String topic, List<DeviceEvent> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (DeviceEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.deviceId(), EventCodec.encode(event)));
            }
            producer.flush();
        }
    }

    /**
     * Waits until {@code groupId} has committed the current end offsets of {@code topic}. The job's
     * source commits only when a checkpoint completes, and a completed checkpoint means every record
     * before it went through all operators and the at-least-once sinks flushed.
     * Meanwhile {@link #KEEP_ALIVE} {@linkplain #trickle trickles} onto the topic.
     */
    public void awaitCommittedToEnd(String groupId, String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props); var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            try (AutoCloseable trickle = trickle(topic, KEEP_ALIVE)) {
                awaitCommitted(admin, groupId, partitions, end);
            }
        }
    }

    private static void awaitCommitted(Admin admin, String groupId, List<TopicPartition> partitions,
                                       Map<TopicPartition, Long> end) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            return partitions.stream().allMatch(p -> committed.get(p) != null
                    && committed.get(p).offset() >= end.get(p));
        });
    }

    /**
     * Sends the same device event to every partition of {@code topic} every 200 ms until closed.
     * The job's Kafka source polls for up to 10 s when a partition has nothing new, and an offset
     * commit it owes waits for that poll to return; a steady trickle makes commits go out within
     * a second of their checkpoint. The job drops every copy after the first as a duplicate.
     */
    public AutoCloseable trickle(String topic, DeviceEvent event) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        int partitions = producer.partitionsFor(topic).size();
        byte[] value = EventCodec.encode(event);
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> {
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(topic, p, event.deviceId(), value));
            }
        }, 0, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        return () -> {
            timer.shutdownNow();
            timer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            producer.close();
        };
    }

    /** Every record now on {@code topic}, decoded as {@code type}. */
    public <T> List<T> readAll(String topic, Class<T> type) {
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return records.stream().map(r -> EventCodec.decode(r.value(), type)).toList();
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
