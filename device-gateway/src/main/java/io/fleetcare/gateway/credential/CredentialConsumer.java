package io.fleetcare.gateway.credential;

import io.fleetcare.events.EventCodec;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the credentials topic on a thread of its own ({@code device-credentials}) into {@link IssuedCredentials}.
 * Every start reads the whole (compacted) topic from its beginning in a consumer group of its own that commits
 * nothing, so each gateway instance learns every device's current credential and then every change within a poll.
 * The topic is never auto-created from here (it must be compacted; the service API creates it): until it exists the
 * consumer asks for it every 2 s. A malformed record,
 * or a sealed key that does not open, is logged and skipped; the device then keeps what was known before.
 */
@ApplicationScoped
public class CredentialConsumer {

    private static final Logger LOG = Logger.getLogger(CredentialConsumer.class);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);

    private final IssuedCredentials credentials;
    private final CredentialSettings settings;
    private final String bootstrapServers;
    private final Optional<SealedPsk> transportKey;
    private volatile boolean stopping;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public CredentialConsumer(IssuedCredentials credentials, CredentialSettings settings,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.credentials = credentials;
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.transportKey = settings.transportKey().filter(key -> !key.isBlank()).map(SealedPsk::new);
    }

    void start(@Observes StartupEvent startup) {
        if (!settings.enabled()) {
            LOG.info("issued device credentials are off (fleetcare.credentials.enabled=false)");
            return;
        }
        if (transportKey.isEmpty()) {
            LOG.warn("no fleetcare.credentials.transport-key: issued credentials serve OCPP only, CoAP keeps its "
                    + "configured pre-shared keys");
        }
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "device-gateway-credentials-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "device-credentials");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("reading issued device credentials from %s", settings.topic());
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

    private void run() {
        try {
            awaitTopic();
            consumer.subscribe(List.of(settings.topic()));
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    handle(record);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.errorf(e, "reading %s stopped; credentials issued from now on are not applied", settings.topic());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Subscribing to a missing topic would log a warning per metadata refresh; asking for the list does not. */
    private void awaitTopic() throws InterruptedException {
        boolean told = false;
        while (!stopping) {
            try {
                if (consumer.listTopics(Duration.ofSeconds(10)).containsKey(settings.topic())) {
                    return;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException unreachable) {
                // Kafka not reachable yet: ask again
            }
            if (!told) {
                LOG.infof("waiting for the topic %s (the service API creates it)", settings.topic());
                told = true;
            }
            Thread.sleep(TOPIC_RETRY.toMillis());
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        CredentialMessage message;
        try {
            message = EventCodec.decode(record.value(), CredentialMessage.class);
        } catch (RuntimeException e) {
            LOG.warnf("malformed credential at %s-%d@%d skipped: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (message.deviceId() == null || message.deviceType() == null || message.secretHash() == null
                || !message.secretHash().startsWith("$7$") || message.version() < 1) {
            LOG.warnf("credential at %s-%d@%d without device id, type, version or $7$ hash skipped", record.topic(),
                    record.partition(), record.offset());
            return;
        }
        byte[] psk = null;
        if (message.sealedPsk() != null && transportKey.isPresent()) {
            try {
                psk = transportKey.get().open(message.sealedPsk(), message.deviceId(), message.version());
            } catch (IllegalArgumentException e) {
                LOG.errorf("device %s: credential version %d has a CoAP key that does not open with the transport key;"
                        + " skipped", message.deviceId(), message.version());
                return;
            }
        }
        boolean taken = credentials.apply(new IssuedCredential(message.deviceId(), message.deviceType(),
                message.model(), message.version(), message.secretHash(), psk));
        if (taken) {
            LOG.infof("device %s: credential version %d applied", message.deviceId(), message.version());
        }
    }
}
