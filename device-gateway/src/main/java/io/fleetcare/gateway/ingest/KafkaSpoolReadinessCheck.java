package io.fleetcare.gateway.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP: while Kafka is unreachable the gateway still accepts events into its spool. The data tells whether it is
 * spooling and how full the spool is ({@code spoolFillPercent}).
 */
@Readiness
@ApplicationScoped
public class KafkaSpoolReadinessCheck implements HealthCheck {

    private final DeviceEventPublisher publisher;

    public KafkaSpoolReadinessCheck(DeviceEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public HealthCheckResponse call() {
        EventSpool spool = publisher.spool();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-spool").up()
                .withData("enabled", spool != null);
        if (spool != null) {
            response.withData("spooling", publisher.isSpooling())
                    .withData("spoolEvents", spool.pendingRecords())
                    .withData("spoolBytes", spool.bytes())
                    .withData("spoolMaxBytes", spool.maxBytes())
                    .withData("spoolFillPercent", 100 * spool.bytes() / spool.maxBytes());
        }
        return response.build();
    }
}
