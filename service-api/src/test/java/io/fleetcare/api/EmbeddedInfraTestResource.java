package io.fleetcare.api;

import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.infra.postgres.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One real PostgreSQL, one real Kafka and one real SMTP server ({@link TestSmtp}) for all integration tests of this
 * module, started before Quarkus
 * and handed to it as configuration. Test classes that declare this resource with the same scope share
 * one application, so the servers start once per test run.
 */
public class EmbeddedInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;
    private EmbeddedKafka kafka;

    @Override
    public Map<String, String> start() {
        postgres = EmbeddedPostgres.start();
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, Topics.MAINTENANCE_REQUESTS, Topics.DEVICE_ALERTS, Topics.DEVICE_COMMANDS,
                Topics.DEVICE_COMMAND_RESULTS);
        int smtpPort = TestSmtp.start().getSmtp().getPort();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtpPort),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl("fleetcare"),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        try {
            TestSmtp.stop();
        } finally {
            stopServers();
        }
    }

    private void stopServers() {
        try {
            if (kafka != null) {
                kafka.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
