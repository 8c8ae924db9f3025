package io.fleetcare.gateway.ingest;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Topics;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes normalized DeviceEvents on {@link Topics#DEVICE_TELEMETRY}, keyed by device id so that
 * one device's events stay in order on one partition. The value is the {@link EventCodec} JSON.
 *
 * <p>Protocol adapters acknowledge a device message only when the returned stage completes
 * normally, which it does once the Kafka broker confirmed the write under the producer's
 * {@code acks=all}.
 */
@ApplicationScoped
public class DeviceEventPublisher {

    private final Producer<String, byte[]> producer;
    private final IngestMetrics metrics;

    public DeviceEventPublisher(Producer<String, byte[]> producer, IngestMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    /**
     * Hands the event to Kafka without blocking on the broker's answer (the producer may still block
     * up to its {@code max.block.ms} while it has no metadata or no buffer space).
     *
     * @param event never null
     * @return completes normally when Kafka confirmed the write, exceptionally with Kafka's error
     *         otherwise; never null
     */
    public CompletionStage<Void> publish(DeviceEvent event) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        Timer.Sample sample = Timer.start();
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.DEVICE_TELEMETRY, event.deviceId(), EventCodec.encode(event));
        try {
            producer.send(record, (metadata, failure) -> {
                sample.stop(metrics.kafkaSendTimer());
                if (failure == null) {
                    metrics.countForwarded(event.protocol());
                    confirmed.complete(null);
                } else {
                    metrics.countSendFailure(event.protocol());
                    confirmed.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            metrics.countSendFailure(event.protocol());
            confirmed.completeExceptionally(e);
        }
        return confirmed;
    }

    /** Blocks until every event handed over so far is confirmed or has failed. */
    public void flush() {
        producer.flush();
    }
}
