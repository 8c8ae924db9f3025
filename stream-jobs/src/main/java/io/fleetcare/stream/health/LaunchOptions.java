package io.fleetcare.stream.health;

import io.fleetcare.stream.kafka.KafkaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Command-line options of {@link DeviceHealthJobMain}.
 *
 * @param bootstrapServers Kafka bootstrap servers; never null
 * @param groupId          consumer group of the telemetry source; never null
 * @param rulesFile        rules file to use instead of the built-in rules; may be null
 * @param checkpointDir    directory for checkpoints; null keeps them in JobManager memory
 * @param checkpointInterval how often checkpoints are taken (and source offsets committed); positive
 * @param parallelism      job parallelism; null leaves the environment's default
 * @param local            run in an in-process MiniCluster instead of the environment Flink provides
 */
public record LaunchOptions(
        String bootstrapServers,
        String groupId,
        Path rulesFile,
        Path checkpointDir,
        Duration checkpointInterval,
        Integer parallelism,
        boolean local) {

    /** Checkpoint interval unless {@code --checkpoint-interval} says otherwise. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /** How to call the job, for error messages. */
    public static final String USAGE = """
            usage: DeviceHealthJobMain --bootstrap-servers host:port [--rules <file>] \
            [--group-id <id>] [--checkpoint-dir <dir>] [--checkpoint-interval PT10S] [--parallelism N] [--local]""";

    /**
     * Parses {@code --name value} pairs and the {@code --local} flag.
     *
     * @throws IllegalArgumentException naming the problem when an option is unknown, lacks its
     *                                  value or has an invalid one, or a required option is missing
     */
    public static LaunchOptions parse(String... args) {
        String bootstrapServers = null;
        String groupId = KafkaSettings.DEFAULT_GROUP_ID;
        Path rules = null;
        Path checkpoints = null;
        Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        Integer parallelism = null;
        boolean local = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--local" -> local = true;
                case "--bootstrap-servers" -> bootstrapServers = value(args, ++i, option);
                case "--group-id" -> groupId = value(args, ++i, option);
                case "--rules" -> rules = Path.of(value(args, ++i, option));
                case "--checkpoint-dir" -> checkpoints = Path.of(value(args, ++i, option));
                case "--checkpoint-interval" -> checkpointInterval = positiveDuration(value(args, ++i, option), option);
                case "--parallelism" -> parallelism = positive(value(args, ++i, option), option);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (bootstrapServers == null) {
            throw new IllegalArgumentException("--bootstrap-servers is required");
        }
        return new LaunchOptions(bootstrapServers, groupId, rules, checkpoints, checkpointInterval, parallelism,
                local);
    }

    /** The Kafka endpoints these options name. */
    public KafkaSettings kafka() {
        return new KafkaSettings(bootstrapServers, groupId);
    }

    public Optional<Path> rules() {
        return Optional.ofNullable(rulesFile);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--") || args[index].isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static Duration positiveDuration(String value, String option) {
        try {
            Duration d = Duration.parse(value);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(option + " must be positive, not '" + value + "'");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 duration such as PT10S, not '"
                    + value + "'");
        }
    }

    private static int positive(String value, String option) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive integer, not '" + value + "'");
        }
    }
}
