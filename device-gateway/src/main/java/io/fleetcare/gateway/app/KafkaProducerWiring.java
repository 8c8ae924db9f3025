package io.fleetcare.gateway.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Kafka producer of the gateway ({@code kafka.bootstrap.servers}, env
 * {@code KAFKA_BOOTSTRAP_SERVERS}). It writes with {@code acks=all} and idempotence, so a retried send
 * does not duplicate an event within a partition, and gives up on a send after 5 s (3 s per request,
 * 3 s waiting for metadata) so that the gateway learns of a Kafka outage quickly and spools the event
 * (see {@code DeviceEventPublisher}) well within the devices' own timeouts (CoAP waits 10 s). When
 * no known broker answers, the producer starts again from the bootstrap servers
 * ({@code metadata.recovery.strategy=rebootstrap}), so a Kafka that comes back on other addresses
 * behind the same bootstrap address is found again.
 */
@ApplicationScoped
public class KafkaProducerWiring {

    @Produces
    @Singleton
    Producer<String, byte[]> deviceEventProducer(
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000,
                CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "rebootstrap",
                CommonClientConfigs.METADATA_RECOVERY_REBOOTSTRAP_TRIGGER_MS_CONFIG, 30_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    void close(@Disposes Producer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(10));
    }
}
