package io.fleetcare.gateway.command;

import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Topics;
import io.fleetcare.gateway.mqtt.MqttSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads {@link Topics#DEVICE_COMMANDS} on a thread of its own ({@code device-commands}) and hands each command
 * to the {@link CommandRouter}. The consumer group is this instance's own ({@link CommandSettings#groupId()}),
 * so every instance sees every command and acts on those for its devices. It starts at the latest offset:
 * commands sent while no instance of the group ran are not replayed (their chargers' sessions were gone).
 * Malformed commands are logged and skipped.
 */
@ApplicationScoped
public class CommandConsumer {

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);

    private final CommandRouter router;
    private final String bootstrapServers;
    private final String groupId;
    private volatile boolean listening;
    private volatile boolean stopping;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public CommandConsumer(CommandRouter router, CommandSettings settings, MqttSettings mqtt,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.router = router;
        this.bootstrapServers = bootstrapServers;
        this.groupId = settings.groupId().orElseGet(() -> "device-gateway-commands-"
                + mqtt.clientId().orElseGet(() -> UUID.randomUUID().toString().substring(0, 8)));
    }

    void start(@Observes StartupEvent startup) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true),
                new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "device-commands");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("reading %s in consumer group %s", Topics.DEVICE_COMMANDS, groupId);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    /** True once the consumer has its partitions and their starting offsets. */
    public boolean isListening() {
        return listening;
    }

    public String groupId() {
        return groupId;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.DEVICE_COMMANDS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    listening = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(consumer::position);
                    listening = true;
                }
            });
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    handle(record);
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.errorf(e, "reading %s stopped", Topics.DEVICE_COMMANDS);
        } finally {
            listening = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        DeviceCommand command;
        try {
            command = EventCodec.decode(record.value(), DeviceCommand.class);
        } catch (RuntimeException e) {
            LOG.warnf("malformed command at %s-%d@%d skipped: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        if (command.commandId() == null || command.deviceId() == null || command.command() == null) {
            LOG.warnf("command at %s-%d@%d without commandId, deviceId or command skipped", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        try {
            router.route(command);
        } catch (RuntimeException e) {
            LOG.errorf(e, "device %s: command %s could not be routed", command.deviceId(), command.commandId());
        }
    }
}
