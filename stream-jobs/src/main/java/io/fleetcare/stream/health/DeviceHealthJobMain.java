package io.fleetcare.stream.health;

import io.fleetcare.stream.kafka.DeviceHealthConnectors;
import io.fleetcare.stream.kafka.KafkaSettings;
import io.fleetcare.stream.rules.HealthRules;
import io.fleetcare.stream.rules.HealthRulesFile;
import io.fleetcare.stream.rules.InvalidRulesException;
import io.fleetcare.stream.telemetry.JdbcSettings;
import io.fleetcare.stream.telemetry.StorageLayout;
import io.fleetcare.stream.telemetry.TelemetrySchema;
import io.fleetcare.stream.telemetry.TelemetryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the device-health job on Kafka: telemetry from {@code device.telemetry}, alerts to
 * {@code device.alerts}, maintenance requests to {@code maintenance.requests}.
 * Options: {@link LaunchOptions#USAGE}. Exits with 2 on bad options or rules, and with 1 when
 * the job fails.
 */
public final class DeviceHealthJobMain {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceHealthJobMain.class);
    private static final Duration STATUS_POLL = Duration.ofMillis(200);

    private DeviceHealthJobMain() {
    }

    public static void main(String[] args) throws Exception {
        LaunchOptions options;
        HealthRules rules;
        try {
            options = LaunchOptions.parse(args);
            rules = rules(options);
        } catch (IllegalArgumentException | InvalidRulesException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        JobClient job = start(options, rules);
        System.out.printf("device-health job running (kafka=%s, rules=%s, telemetry store=%s, job=%s)%n",
                options.bootstrapServers(), rules.source(),
                options.jdbc().map(JdbcSettings::url).orElse("none"), job.getJobID());
        try {
            job.getJobExecutionResult().get();
        } catch (Exception e) {
            System.err.println("device-health job failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The rules the options ask for: the given file, else the built-in rules. */
    public static HealthRules rules(LaunchOptions options) {
        return options.rules().map(HealthRulesFile::load).orElseGet(HealthRulesFile::loadDefault);
    }

    /**
     * Builds the job with the production Kafka connectors (and, with {@code --jdbc-url}, the
     * telemetry store, whose schema is created or upgraded first), submits it and returns once it runs.
     *
     * @throws Exception when the schema cannot be migrated, the job cannot be submitted or it ends before it runs
     */
    public static JobClient start(LaunchOptions options, HealthRules rules) throws Exception {
        StreamExecutionEnvironment env = environment(options);
        KafkaSettings kafka = options.kafka();
        TelemetryStore store = null;
        if (options.jdbc().isPresent()) {
            JdbcSettings jdbc = options.jdbc().get();
            StorageLayout layout = TelemetrySchema.migrate(jdbc);
            store = TelemetryStore.jdbc(jdbc, layout);
        }
        new DeviceHealthJob(
                DeviceHealthConnectors.telemetrySource(kafka),
                DeviceHealthConnectors.alertSink(kafka),
                DeviceHealthConnectors.maintenanceRequestSink(kafka),
                DeviceHealthConfig.of(rules).withClockTolerance(options.clockTolerance()),
                store)
                .buildOn(env);
        JobClient job = env.executeAsync(DeviceHealthJob.NAME);
        awaitRunning(job);
        return job;
    }

    /**
     * The execution environment for the options: an in-process MiniCluster with its REST endpoint
     * on a free loopback port for {@code --local}, otherwise whatever Flink provides (the cluster
     * under {@code flink run}), with object reuse on (see the comment inside). Checkpoints every {@code --checkpoint-interval} (default 10 s), to
     * {@code --checkpoint-dir} when given (kept on cancellation). Starts from {@code --restore-from},
     * or with {@code --resume-latest} from the newest retained checkpoint under {@code --checkpoint-dir}
     * (fresh when there is none).
     */
    public static StreamExecutionEnvironment environment(LaunchOptions options) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // Every record type of the job (DeviceEvent, Alert, MaintenanceRequest, TelemetryReading, DeviceStateUpdate)
        // is an immutable record and no function changes what it gets or keeps after emitting, so the operators
        // chained behind the duplicate filter may share one instance instead of each getting a copy of every event.
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, options.checkpointInterval());
        if (options.checkpointDir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    options.checkpointDir().toAbsolutePath().toUri().toString());
            conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        restorePoint(options).ifPresent(path -> {
            LOG.info("device-health job restores its state from {}", path);
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path.toAbsolutePath().toUri().toString());
        });
        StreamExecutionEnvironment env;
        if (options.local()) {
            conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
            conf.set(RestOptions.ADDRESS, "127.0.0.1");
            conf.set(RestOptions.BIND_PORT, "0");
            env = options.parallelism() == null
                    ? StreamExecutionEnvironment.createLocalEnvironment(conf)
                    : StreamExecutionEnvironment.createLocalEnvironment(options.parallelism(), conf);
        } else {
            env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
            if (options.parallelism() != null) {
                env.setParallelism(options.parallelism());
            }
        }
        return env;
    }

    /** The savepoint or checkpoint the options ask to start from; empty for a fresh start. */
    public static Optional<Path> restorePoint(LaunchOptions options) {
        if (options.restoreFrom() != null) {
            return Optional.of(options.restoreFrom());
        }
        if (options.resumeLatest()) {
            Optional<Path> latest = RetainedCheckpoints.latest(options.checkpointDir());
            if (latest.isEmpty()) {
                LOG.info("no retained checkpoint under {}: device-health job starts fresh", options.checkpointDir());
            }
            return latest;
        }
        return Optional.empty();
    }

    private static void awaitRunning(JobClient job) throws Exception {
        while (true) {
            JobStatus status = job.getJobStatus().get();
            if (status == JobStatus.RUNNING) {
                return;
            }
            if (status.isGloballyTerminalState()) {
                job.getJobExecutionResult().get();
                throw new IllegalStateException("job ended before it ran: " + status);
            }
            Thread.sleep(STATUS_POLL.toMillis());
        }
    }
}
