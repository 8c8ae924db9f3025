package io.fleetcare.api.modbus;

import io.fleetcare.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates {@code modbus.devices} and {@code modbus.register-maps} at startup when they are missing, compacted
 * ({@code cleanup.policy=compact}), so that a gateway reading them from the beginning learns every registration (as
 * {@code CredentialTopic} does for credentials). A Kafka that cannot be reached only costs a warning: the topic may be provisioned by
 * the operator (compacted!) instead.
 */
@ApplicationScoped
class ModbusTopics {

    private static final Logger LOG = Logger.getLogger(ModbusTopics.class);

    private static final List<String> TOPICS = List.of(Topics.MODBUS_DEVICES, Topics.MODBUS_REGISTER_MAPS);

    private final String bootstrapServers;

    ModbusTopics(
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void ensure(@Observes StartupEvent startup) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            for (String topic : TOPICS) {
                create(admin, topic);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not create the topics %s (%s); provision them compacted", TOPICS, e.toString());
        }
    }

    private static void create(Admin admin, String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(15, TimeUnit.SECONDS);
            LOG.infof("created the compacted topic %s", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("could not create the topic %s (%s); provision it compacted", topic,
                        e.getCause().toString());
            }
        } catch (TimeoutException e) {
            LOG.warnf("Kafka did not answer while creating the topic %s; provision it compacted", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
