package io.fleetcare.launcher.bench;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Topics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code device.telemetry} from its end on with a plain consumer (no group) and meters each METRICS event by
 * its protocol: latency = arrival here minus the device's own time ({@code deviceTs}, which the benchmark's devices
 * set to the moment they sent). Also meters device time to the record's Kafka timestamp (milliseconds; the moment
 * the broker appended it when the topic uses LogAppendTime, as {@code GatewayStack} creates it).
 */
final class KafkaTelemetrySink implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final Map<Protocol, ProtocolMeter> meters = new EnumMap<>(Protocol.class);
    private final Map<Protocol, ProtocolMeter> toKafka = new EnumMap<>(Protocol.class);
    final AtomicLong otherEvents = new AtomicLong();
    final AtomicLong unreadable = new AtomicLong();
    private volatile boolean running = true;

    KafkaTelemetrySink(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        for (Protocol protocol : Protocol.values()) {
            meters.put(protocol, new ProtocolMeter());
            toKafka.put(protocol, new ProtocolMeter());
        }
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEVICE_TELEMETRY).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "bench-kafka-sink");
        thread.setDaemon(true);
        thread.start();
    }

    /** Arrival at this consumer. */
    ProtocolMeter meter(Protocol protocol) {
        return meters.get(protocol);
    }

    /** Up to the record's Kafka timestamp. */
    ProtocolMeter appendMeter(Protocol protocol) {
        return toKafka.get(protocol);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    long now = TelemetryBody.nowMicros();
                    try {
                        DeviceEvent event = EventCodec.decode(record.value(), DeviceEvent.class);
                        if (event.kind() != EventKind.METRICS || event.deviceTs() == null) {
                            otherEvents.incrementAndGet();
                            continue;
                        }
                        long sent = TelemetryBody.micros(event.deviceTs());
                        meters.get(event.protocol()).arrived(now - sent);
                        toKafka.get(event.protocol()).arrived(record.timestamp() * 1_000 - sent);
                    } catch (RuntimeException e) {
                        unreadable.incrementAndGet();
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() asked
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
