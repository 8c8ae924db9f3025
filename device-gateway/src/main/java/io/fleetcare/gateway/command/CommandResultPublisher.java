package io.fleetcare.gateway.command;

import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/** Writes command outcomes to {@link Topics#DEVICE_COMMAND_RESULTS}, keyed by device id. */
@ApplicationScoped
public class CommandResultPublisher {

    private static final Logger LOG = Logger.getLogger(CommandResultPublisher.class);

    private final Producer<String, byte[]> producer;

    public CommandResultPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Sends without waiting; a result Kafka does not take is logged at ERROR and lost. */
    public void publish(CommandResult result) {
        LOG.infof("device %s: command %s %s", result.deviceId(), result.commandId(), result.status());
        try {
            producer.send(new ProducerRecord<>(Topics.DEVICE_COMMAND_RESULTS, result.deviceId(),
                    EventCodec.encode(result)), (metadata, failure) -> {
                        if (failure != null) {
                            LOG.errorf("device %s: result %s of command %s not taken by Kafka: %s",
                                    result.deviceId(), result.status(), result.commandId(), failure.toString());
                        }
                    });
        } catch (RuntimeException e) {
            LOG.errorf("device %s: result %s of command %s not taken by Kafka: %s", result.deviceId(),
                    result.status(), result.commandId(), e.toString());
        }
    }
}
