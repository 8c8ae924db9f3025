package io.fleetcare.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node Kafka (combined KRaft broker and controller) running inside this JVM on a free
 * loopback port.
 *
 * <p>This is the only class that touches Kafka's test kit, an internal API that moves between
 * Kafka releases; keep it that way.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final String CLUSTER_ID_FILE = "cluster.id";

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
    }

    /** Starts a throw-away broker whose data is deleted on {@link #close()}. */
    public static EmbeddedKafka start() {
        return start(null);
    }

    /**
     * Starts a broker.
     *
     * @param dataDir where the broker keeps its logs so that a later start with the same directory
     *                finds its topics again; null for a throw-away broker
     * @throws IllegalStateException when the broker does not come up
     */
    public static EmbeddedKafka start(Path dataDir) {
        try {
            TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1);
            boolean alreadyFormatted = false;
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                Path idFile = dataDir.resolve(CLUSTER_ID_FILE);
                if (!Files.exists(idFile)) {
                    Files.writeString(idFile, org.apache.kafka.common.Uuid.randomUuid().toString());
                } else {
                    alreadyFormatted = true;
                }
                nodes.setBaseDirectory(dataDir).setClusterId(Files.readString(idFile).trim());
            }
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes.build())
                    .setDeleteOnClose(dataDir == null)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "2")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("log.retention.hours", "168")
                    .build();
            if (!alreadyFormatted) {
                cluster.format();
            }
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka data directory " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not start: " + e.getMessage(), e);
        }
    }

    /** The {@code host:port} list clients connect to. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(int partitions, String... names) {
        createTopics(partitions, Map.of(), names);
    }

    /**
     * As {@link #createTopics(int, String...)}, with {@code cleanup.policy=compact} (registries such as the
     * credentials and Modbus device topics, which their readers read from the beginning).
     */
    public void createCompactedTopics(int partitions, String... names) {
        createTopics(partitions, Map.of("cleanup.policy", "compact"), names);
    }

    private void createTopics(int partitions, Map<String, String> configs, String... names) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Arrays.stream(names)
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1).configs(configs))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + Arrays.toString(names), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not stop cleanly", e);
        }
    }
}
