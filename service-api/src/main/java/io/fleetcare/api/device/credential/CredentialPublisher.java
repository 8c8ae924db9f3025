package io.fleetcare.api.device.credential;

import io.fleetcare.events.EventCodec;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Hands credential changes to the compacted credentials topic, keyed by device id; the Kafka types stop here. */
@ApplicationScoped
class CredentialPublisher {

    @Inject
    @Channel("device-credentials")
    MutinyEmitter<byte[]> emitter;

    /**
     * Waits until Kafka acknowledged the record.
     *
     * @throws RuntimeException when Kafka did not take it
     */
    void publish(DeviceCredentialMessage message) {
        emitter.sendMessageAndAwait(KafkaRecord.of(message.deviceId(), EventCodec.encode(message)));
    }
}
