package io.fleetcare.stream.health;

import io.fleetcare.events.DeviceClock;
import io.fleetcare.stream.kafka.KafkaSettings;
import io.fleetcare.stream.telemetry.JdbcSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
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
 * @param jdbcUrl          JDBC URL of the telemetry store; null writes no telemetry to a database
 * @param jdbcUser         database user; may be null
 * @param jdbcPassword     database password ({@code --jdbc-password}, else the environment variable
 *                         {@value #JDBC_PASSWORD_ENV}); may be null
 * @param restoreFrom      savepoint or retained checkpoint to start from; may be null
 * @param resumeLatest     start from the newest retained checkpoint under {@code checkpointDir}, if any
 * @param clockTolerance   how far a device's reported time may lie from the receive time ({@code --clock-tolerance},
 *                         default {@link DeviceClock#DEFAULT_TOLERANCE}); positive
 */
public record LaunchOptions(
        String bootstrapServers,
        String groupId,
        Path rulesFile,
        Path checkpointDir,
        Duration checkpointInterval,
        Integer parallelism,
        boolean local,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        Path restoreFrom,
        boolean resumeLatest,
        Duration clockTolerance) {

    /** Environment variable with the database password when {@code --jdbc-password} is not given. */
    public static final String JDBC_PASSWORD_ENV = "FLEETCARE_JDBC_PASSWORD";

    /** Checkpoint interval unless {@code --checkpoint-interval} says otherwise. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /** How to call the job, for error messages. */
    public static final String USAGE = """
            usage: DeviceHealthJobMain --bootstrap-servers host:port [--rules <file>] \
            [--group-id <id>] [--checkpoint-dir <dir>] [--checkpoint-interval PT10S] [--parallelism N] [--local] \
            [--jdbc-url jdbc:postgresql://host:5432/db [--jdbc-user <user>] [--jdbc-password <password>]] \
            [--restore-from <savepoint or checkpoint dir> | --resume-latest] [--clock-tolerance PT5M]
            (the database password may also come from the environment variable FLEETCARE_JDBC_PASSWORD)""";

    @Override
    public String toString() {
        return "LaunchOptions[bootstrapServers=" + bootstrapServers + ", groupId=" + groupId + ", rulesFile=" + rulesFile
                + ", checkpointDir=" + checkpointDir + ", checkpointInterval=" + checkpointInterval
                + ", parallelism=" + parallelism + ", local=" + local + ", jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser
                + ", jdbcPassword=" + (jdbcPassword == null ? "none" : "***") + ", restoreFrom=" + restoreFrom
                + ", resumeLatest=" + resumeLatest + ", clockTolerance=" + clockTolerance + "]";
    }

    /**
     * Parses {@code --name value} pairs and the {@code --local} and {@code --resume-latest} flags;
     * the password falls back to the process environment.
     *
     * @throws IllegalArgumentException naming the problem when an option is unknown, lacks its
     *                                  value or has an invalid one, or a required option is missing
     */
    public static LaunchOptions parse(String... args) {
        return parse(System.getenv(), args);
    }

    /**
     * As {@link #parse(String...)}, with {@code environment} in place of the process environment.
     *
     * @throws IllegalArgumentException as {@link #parse(String...)}, also when options contradict each other
     */
    public static LaunchOptions parse(Map<String, String> environment, String... args) {
        String bootstrapServers = null;
        String groupId = KafkaSettings.DEFAULT_GROUP_ID;
        Path rules = null;
        Path checkpoints = null;
        Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        Integer parallelism = null;
        boolean local = false;
        String jdbcUrl = null;
        String jdbcUser = null;
        String jdbcPassword = null;
        Path restoreFrom = null;
        boolean resumeLatest = false;
        Duration clockTolerance = DeviceClock.DEFAULT_TOLERANCE;
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
                case "--jdbc-url" -> jdbcUrl = value(args, ++i, option);
                case "--jdbc-user" -> jdbcUser = value(args, ++i, option);
                case "--jdbc-password" -> jdbcPassword = value(args, ++i, option);
                case "--restore-from" -> restoreFrom = Path.of(value(args, ++i, option));
                case "--resume-latest" -> resumeLatest = true;
                case "--clock-tolerance" -> clockTolerance = positiveDuration(value(args, ++i, option), option);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (bootstrapServers == null) {
            throw new IllegalArgumentException("--bootstrap-servers is required");
        }
        if (jdbcUrl == null && jdbcUser != null) {
            throw new IllegalArgumentException("--jdbc-user needs --jdbc-url");
        }
        if (jdbcUrl == null && jdbcPassword != null) {
            throw new IllegalArgumentException("--jdbc-password needs --jdbc-url");
        }
        if (jdbcUrl != null && jdbcPassword == null) {
            jdbcPassword = environment.get(JDBC_PASSWORD_ENV);
        }
        if (resumeLatest && restoreFrom != null) {
            throw new IllegalArgumentException("--restore-from and --resume-latest exclude each other");
        }
        if (resumeLatest && checkpoints == null) {
            throw new IllegalArgumentException("--resume-latest needs --checkpoint-dir");
        }
        return new LaunchOptions(bootstrapServers, groupId, rules, checkpoints, checkpointInterval, parallelism,
                local, jdbcUrl, jdbcUser, jdbcPassword, restoreFrom, resumeLatest, clockTolerance);
    }

    /** The telemetry store to write to; empty without {@code --jdbc-url}. */
    public Optional<JdbcSettings> jdbc() {
        return jdbcUrl == null ? Optional.empty() : Optional.of(new JdbcSettings(jdbcUrl, jdbcUser, jdbcPassword));
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
