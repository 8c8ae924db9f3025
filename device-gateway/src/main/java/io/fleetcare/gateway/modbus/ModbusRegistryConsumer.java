package io.fleetcare.gateway.modbus;

import io.fleetcare.events.EventCodec;
import io.fleetcare.events.ModbusRegisterMap;
import io.fleetcare.events.ModbusRegistration;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Topics;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Reads the Modbus registry the service API publishes ({@link Topics#MODBUS_DEVICES} and
 * {@link Topics#MODBUS_REGISTER_MAPS}, both compacted) on a thread of its own ({@code modbus-registry}) and applies
 * every record to the {@link ModbusPoller} through a {@link ModbusRegistry}: a device starts, changes or stops being
 * polled within a poll of the consumer, without a restart. As {@code CredentialConsumer}, every start reads both
 * topics from the beginning in a consumer group of its own that commits nothing, and waits (asking every 2 s) until
 * the service API has created them. A record that does not decode into a valid registration is logged, counted in
 * {@code gateway_registrations_rejected_total{protocol="modbus",reason="invalid"}} and skipped; the device keeps what
 * it had. Starts after the poller (which seeds the devices file first).
 */
@ApplicationScoped
public class ModbusRegistryConsumer {

    private static final Logger LOG = Logger.getLogger(ModbusRegistryConsumer.class);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);
    private static final Set<String> TOPICS = Set.of(Topics.MODBUS_DEVICES, Topics.MODBUS_REGISTER_MAPS);

    private final ModbusPoller poller;
    private final ModbusSettings settings;
    private final IngestMetrics metrics;
    private final String bootstrapServers;
    private volatile boolean stopping;
    private volatile boolean reading;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private ModbusRegistry registry;

    public ModbusRegistryConsumer(ModbusPoller poller, ModbusSettings settings, IngestMetrics metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.poller = poller;
        this.settings = settings;
        this.metrics = metrics;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent startup) {
        if (!settings.registryEnabled()) {
            LOG.info("the Modbus registry is off (fleetcare.modbus.registry-enabled=false): only the devices file");
            return;
        }
        registry = new ModbusRegistry(poller.fileProfiles(), new ModbusRegistry.Target() {
            @Override
            public void register(ModbusDevice device) {
                poller.register(device);
            }

            @Override
            public boolean remove(String deviceId) {
                return poller.remove(deviceId);
            }

            @Override
            public void rejected(String deviceId, String reason) {
                metrics.countRegistrationRejected(Protocol.MODBUS, reason);
            }
        });
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "device-gateway-modbus-registry-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        thread = new Thread(this::run, "modbus-registry");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("reading Modbus registrations from %s and %s", Topics.MODBUS_DEVICES, Topics.MODBUS_REGISTER_MAPS);
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

    /** True once both topics exist and are being read. */
    public boolean isReading() {
        return reading;
    }

    private void run() {
        try {
            awaitTopics();
            consumer.subscribe(List.copyOf(TOPICS));
            reading = true;
            while (!stopping) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    handle(record);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.errorf(e, "reading the Modbus registry stopped; registrations from now on are not applied");
        } finally {
            reading = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void awaitTopics() throws InterruptedException {
        boolean told = false;
        while (!stopping) {
            try {
                if (consumer.listTopics(Duration.ofSeconds(10)).keySet().containsAll(TOPICS)) {
                    return;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException unreachable) {
                // Kafka not reachable yet: ask again
            }
            if (!told) {
                LOG.infof("waiting for the topics %s (the service API creates them)", TOPICS);
                told = true;
            }
            Thread.sleep(TOPIC_RETRY.toMillis());
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            reject(record, "no key");
            return;
        }
        try {
            if (Topics.MODBUS_DEVICES.equals(record.topic())) {
                registry.device(record.key(), record.value() == null ? null
                        : EventCodec.decode(record.value(), ModbusRegistration.class));
            } else {
                registry.registerMap(record.key(), record.value() == null ? null
                        : EventCodec.decode(record.value(), ModbusRegisterMap.class));
            }
        } catch (RuntimeException e) {
            reject(record, e.getMessage());
        }
    }

    private void reject(ConsumerRecord<String, byte[]> record, String why) {
        metrics.countRegistrationRejected(Protocol.MODBUS, "invalid");
        LOG.warnf("Modbus registry record %s at %s-%d@%d skipped: %s", record.key(), record.topic(),
                record.partition(), record.offset(), why);
    }
}
