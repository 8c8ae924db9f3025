package io.fleetcare.gateway.mqtt;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the gateway is connected to the MQTT broker and holds its subscriptions. */
@Readiness
@ApplicationScoped
public class MqttReadinessCheck implements HealthCheck {

    private final MqttIngestSubscriber subscriber;

    public MqttReadinessCheck(MqttIngestSubscriber subscriber) {
        this.subscriber = subscriber;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mqtt")
                .status(subscriber.isSubscribed())
                .withData("server", subscriber.serverUri())
                .withData("clientId", subscriber.clientId())
                .build();
    }
}
