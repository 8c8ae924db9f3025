package io.fleetcare.stream.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void defaultsEverythingButTheBootstrapServers() {
        LaunchOptions options = LaunchOptions.parse("--bootstrap-servers", "127.0.0.1:9092");

        assertThat(options).isEqualTo(new LaunchOptions("127.0.0.1:9092", "fleetcare-device-health",
                null, null, null, false));
        assertThat(options.rules()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        LaunchOptions options = LaunchOptions.parse("--local", "--bootstrap-servers", "k1:9092,k2:9092",
                "--rules", "/etc/fleetcare/rules.yaml", "--group-id", "health-2", "--checkpoint-dir", "/tmp/cp",
                "--parallelism", "4");

        assertThat(options).isEqualTo(new LaunchOptions("k1:9092,k2:9092", "health-2",
                Path.of("/etc/fleetcare/rules.yaml"), Path.of("/tmp/cp"), 4, true));
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
    }
}
