package io.fleetcare.stream.kafka;

import io.fleetcare.events.EventCodec;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes messages as {@link EventCodec} JSON to one topic, keyed by a UTF-8 string taken from the
 * message (the device id), so that all messages of a device land on one partition in order.
 * The record timestamp is left to the producer: device clocks must not drive topic retention.
 */
final class KeyedJsonRecords<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    /** A {@link Function} that Flink can ship to the task managers. */
    interface Key<T> extends Function<T, String>, Serializable {
    }

    private final String topic;
    private final Key<T> key;

    KeyedJsonRecords(String topic, Key<T> key) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T message, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, key.apply(message).getBytes(StandardCharsets.UTF_8),
                EventCodec.encode(message));
    }
}
