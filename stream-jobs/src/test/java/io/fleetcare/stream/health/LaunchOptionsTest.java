package io.fleetcare.stream.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultsEverythingButTheBootstrapServers() {
        LaunchOptions options = LaunchOptions.parse("--bootstrap-servers", "127.0.0.1:9092");

        assertThat(options).isEqualTo(new LaunchOptions("127.0.0.1:9092", "fleetcare-device-health",
                null, null, Duration.ofSeconds(10), null, false));
        assertThat(options.rules()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        LaunchOptions options = LaunchOptions.parse("--local", "--bootstrap-servers", "k1:9092,k2:9092",
                "--rules", "/etc/fleetcare/rules.yaml", "--group-id", "health-2", "--checkpoint-dir", "/tmp/cp",
                "--checkpoint-interval", "PT2S", "--parallelism", "4");

        assertThat(options).isEqualTo(new LaunchOptions("k1:9092,k2:9092", "health-2",
                Path.of("/etc/fleetcare/rules.yaml"), Path.of("/tmp/cp"), Duration.ofSeconds(2), 4, true));
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
    }
}
