package io.fleetcare.api.device.credential;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
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
 * Creates the credentials topic at startup when it is missing, compacted ({@code cleanup.policy=compact}), so that it
 * holds the latest credential of every device for as long as the device exists and a gateway reading it from the
 * beginning learns them all. A Kafka that cannot be reached only costs a warning: the topic may be provisioned by
 * the operator (compacted!) instead.
 */
@ApplicationScoped
class CredentialTopic {

    private static final Logger LOG = Logger.getLogger(CredentialTopic.class);

    private final DeviceCredentialConfig config;
    private final String bootstrapServers;

    CredentialTopic(DeviceCredentialConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void ensure(@Observes StartupEvent startup) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            admin.createTopics(List.of(new NewTopic(config.topic(), java.util.Optional.empty(), java.util.Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(15, TimeUnit.SECONDS);
            LOG.infof("created the compacted topic %s", config.topic());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("could not create the topic %s (%s); provision it compacted", config.topic(),
                        e.getCause().toString());
            }
        } catch (TimeoutException e) {
            LOG.warnf("Kafka did not answer while creating the topic %s; provision it compacted", config.topic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("could not create the topic %s (%s); provision it compacted", config.topic(), e.toString());
        }
    }
}
