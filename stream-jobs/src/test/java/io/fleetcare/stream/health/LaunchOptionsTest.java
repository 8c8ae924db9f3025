package io.fleetcare.stream.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import io.fleetcare.stream.telemetry.JdbcSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultsEverythingButTheBootstrapServers() {
        LaunchOptions options = LaunchOptions.parse("--bootstrap-servers", "127.0.0.1:9092");

        assertThat(options).isEqualTo(new LaunchOptions("127.0.0.1:9092", "fleetcare-device-health",
                null, null, Duration.ofSeconds(10), null, false, null, null, null, null, false, Duration.ofMinutes(5)));
        assertThat(options.jdbc()).isEmpty();
        assertThat(options.rules()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        LaunchOptions options = LaunchOptions.parse("--local", "--bootstrap-servers", "k1:9092,k2:9092",
                "--rules", "/etc/fleetcare/rules.yaml", "--group-id", "health-2", "--checkpoint-dir", "/tmp/cp",
                "--checkpoint-interval", "PT2S", "--parallelism", "4", "--clock-tolerance", "PT10M");

        assertThat(options).isEqualTo(new LaunchOptions("k1:9092,k2:9092", "health-2",
                Path.of("/etc/fleetcare/rules.yaml"), Path.of("/tmp/cp"), Duration.ofSeconds(2), 4, true,
                null, null, null, null, false, Duration.ofMinutes(10)));
    }

    @Test
    void readsTheTelemetryStoreAndTheRestorePoint() {
        LaunchOptions options = LaunchOptions.parse(Map.of(), "--bootstrap-servers", "k:9092",
                "--jdbc-url", "jdbc:postgresql://db:5432/fleetcare", "--jdbc-user", "stream", "--jdbc-password", "s3cret",
                "--restore-from", "/var/lib/fleetcare/savepoint-1");

        assertThat(options.jdbc()).contains(new JdbcSettings("jdbc:postgresql://db:5432/fleetcare", "stream", "s3cret"));
        assertThat(options.restoreFrom()).isEqualTo(Path.of("/var/lib/fleetcare/savepoint-1"));
        assertThat(options.toString()).doesNotContain("s3cret");
        assertThat(options.jdbc().orElseThrow().toString()).doesNotContain("s3cret");
    }

    @Test
    void takesTheDatabasePasswordFromTheEnvironmentWhenNotGiven() {
        Map<String, String> environment = Map.of(LaunchOptions.JDBC_PASSWORD_ENV, "from-env");

        LaunchOptions withoutPassword = LaunchOptions.parse(environment, "--bootstrap-servers", "k:9092",
                "--jdbc-url", "jdbc:postgresql://db/fleetcare");
        LaunchOptions withPassword = LaunchOptions.parse(environment, "--bootstrap-servers", "k:9092",
                "--jdbc-url", "jdbc:postgresql://db/fleetcare", "--jdbc-password", "given");

        assertThat(withoutPassword.jdbcPassword()).isEqualTo("from-env");
        assertThat(withPassword.jdbcPassword()).isEqualTo("given");
    }

    @Test
    void resumesTheLatestCheckpointOnlyWithACheckpointDirAndNotTogetherWithAnExplicitRestorePoint() {
        assertThat(LaunchOptions.parse("--bootstrap-servers", "k:9092", "--checkpoint-dir", "/cp", "--resume-latest")
                .resumeLatest()).isTrue();
        assertThatThrownBy(() -> LaunchOptions.parse("--bootstrap-servers", "k:9092", "--resume-latest"))
                .hasMessage("--resume-latest needs --checkpoint-dir");
        assertThatThrownBy(() -> LaunchOptions.parse("--bootstrap-servers", "k:9092", "--checkpoint-dir", "/cp",
                "--resume-latest", "--restore-from", "/sp"))
                .hasMessage("--restore-from and --resume-latest exclude each other");
        assertThatThrownBy(() -> LaunchOptions.parse("--bootstrap-servers", "k:9092", "--jdbc-user", "u"))
                .hasMessage("--jdbc-user needs --jdbc-url");
    }

    @Test
    void requiresTheBootstrapServers() {
        assertThatThrownBy(() -> LaunchOptions.parse("--local"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--bootstrap-servers is required");
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadParallelism() {
        assertThatThrownBy(() -> LaunchOptions.parse("--bootstrap-servers", "k:9092", "--verbose"))
                .hasMessage("unknown option: --verbose");
        assertThatThrownBy(() -> LaunchOptions.parse("--bootstrap-servers", "--local"))
                .hasMessage("--bootstrap-servers needs a value");
        assertThatThrownBy(() -> LaunchOptions.parse("--bootstrap-servers", "k:9092", "--parallelism", "0"))
                .hasMessage("--parallelism must be a positive integer, not '0'");
        assertThatThrownBy(() -> LaunchOptions.parse("--bootstrap-servers", "k:9092", "--checkpoint-interval", "10"))
                .hasMessage("--checkpoint-interval must be an ISO-8601 duration such as PT10S, not '10'");
        assertThatThrownBy(() -> LaunchOptions.parse("--bootstrap-servers", "k:9092", "--checkpoint-interval", "PT0S"))
                .hasMessage("--checkpoint-interval must be positive, not 'PT0S'");
        assertThatThrownBy(() -> LaunchOptions.parse("--bootstrap-servers", "k:9092", "--clock-tolerance", "-PT1M"))
                .hasMessage("--clock-tolerance must be positive, not '-PT1M'");
    }
}
