package io.fleetcare.stream.kafka;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventCodecException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code device.telemetry} records into {@link DeviceEvent}s. A record that is not a valid
 * DeviceEvent is skipped, logged with its key and position, and counted in the
 * {@value #MALFORMED_COUNTER} metric, so that one bad producer cannot stop the job. Tombstones
 * (null values) are skipped silently.
 */
public class DeviceEventDeserializer implements KafkaRecordDeserializationSchema<DeviceEvent> {

    /** Name of the counter of skipped malformed records in the source's metric group. */
    public static final String MALFORMED_COUNTER = "malformedTelemetryRecords";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceEventDeserializer.class);

    private transient Counter malformed;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        malformed = context.getMetricGroup().counter(MALFORMED_COUNTER, new SimpleCounter());
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DeviceEvent> out) {
        if (record.value() == null) {
            return;
        }
        DeviceEvent event;
        try {
            event = EventCodec.decode(record.value(), DeviceEvent.class);
        } catch (EventCodecException e) {
            counter().inc();
            LOG.warn("skipping malformed telemetry record key={} topic={} partition={} offset={}: {}",
                    key(record), record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        out.collect(event);
    }

    /** How many malformed records this instance has skipped so far. */
    public long malformedRecords() {
        return counter().getCount();
    }

    @Override
    public TypeInformation<DeviceEvent> getProducedType() {
        return TypeInformation.of(DeviceEvent.class);
    }

    private Counter counter() {
        if (malformed == null) {
            malformed = new SimpleCounter();
        }
        return malformed;
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "<none>" : new String(record.key(), StandardCharsets.UTF_8);
    }
}
