package io.fleetcare.api.command;

import io.fleetcare.events.EventCodec;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Hands commands to Kafka {@code device.commands}, keyed by device id; the Kafka types stop here. */
@ApplicationScoped
public class CommandPublisher {

    @Inject
    @Channel("device-commands")
    MutinyEmitter<byte[]> emitter;

    /**
     * Waits until Kafka acknowledged the record.
     *
     * @throws RuntimeException when Kafka did not take it
     */
    public void publish(DeviceCommandMessage command) {
        emitter.sendMessageAndAwait(KafkaRecord.of(command.deviceId(), EventCodec.encode(command)));
    }
}
