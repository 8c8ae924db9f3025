package io.fleetcare.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void helpPrintsTheUsageOfTheFleetCommand() {
        int status = run("--help");

        assertThat(status).isZero();
        assertThat(out()).contains("fleet", "--mqtt", "--ocpp", "--credentials", "--chargers", "--duration");
        assertThat(run("fleet", "--help")).isZero();
    }

    @Test
    void refusesUnknownCommandsAndOptionsWithStatusTwo() {
        assertThat(run("dance")).isEqualTo(2);
        assertThat(run("fleet", "--chargers", "2", "--ocpp", "ws://x/ocpp", "--colour", "red")).isEqualTo(2);
        assertThat(error()).contains("unknown option --colour");
    }

    @Test
    void refusesAFleetWithoutCredentialsOrWithoutTheProtocolItNeeds() {
        assertThat(run("fleet", "--chargers", "2", "--ocpp", "ws://x/ocpp")).isEqualTo(2);
        assertThat(error()).contains("--credentials is required");
        assertThat(run("fleet", "--set-top-boxes", "2", "--credentials", "c.properties")).isEqualTo(2);
        assertThat(error()).contains("--set-top-boxes needs --mqtt");
    }

    @Test
    void refusesCredentialsThatLackADevice() throws Exception {
        Path credentials = Files.writeString(dir.resolve("c.properties"), "CP-0001=s1\n");

        int status = run("fleet", "--chargers", "2", "--ocpp", "ws://127.0.0.1:1/ocpp", "--credentials",
                credentials.toString());

        assertThat(status).isEqualTo(2);
        assertThat(error()).contains("no secret for 1 device(s), e.g. CP-0002");
    }

    private int run(String... args) {
        return Simulate.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
