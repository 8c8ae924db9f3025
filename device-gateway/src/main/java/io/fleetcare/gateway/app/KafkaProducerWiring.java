package io.fleetcare.gateway.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Kafka producer of the gateway ({@code kafka.bootstrap.servers}, env
 * {@code KAFKA_BOOTSTRAP_SERVERS}). It writes with {@code acks=all} and idempotence, so a retried send
 * does not duplicate an event within a partition, and gives up on a send after 30 s so that the
 * protocol adapter learns of a Kafka outage instead of holding device messages indefinitely.
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
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    void close(@Disposes Producer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(10));
    }
}
