package io.fleetcare.gateway.brokerwatch;

import io.fleetcare.events.Alert;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes alerts about the platform itself to {@link Topics#DEVICE_ALERTS}, keyed by the component's name. */
@ApplicationScoped
public class PlatformAlertPublisher {

    private final Producer<String, byte[]> producer;

    public PlatformAlertPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** @return completes when Kafka confirmed the alert, exceptionally when it did not take it; never null */
    public CompletableFuture<Void> publish(Alert alert) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(Topics.DEVICE_ALERTS, alert.deviceId(), EventCodec.encode(alert)),
                    (metadata, failure) -> {
                        if (failure == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(failure);
                        }
                    });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }
}
