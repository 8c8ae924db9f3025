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

    @Test
    void helpAlsoDescribesTheScenarioAndLoadCommands() {
        int status = run("scenario", "--help");

        assertThat(status).isZero();
        assertThat(out()).contains("scenario list", "scenario run", "scenario devices", "scenario rules", "--api",
                "--user", "--password", "load", "--rate", "--set-top-boxes", "--faults", "p50/p99",
                "./simulate scenario run --all", "./simulate load --chargers 7000");
        assertThat(run("load", "--help")).isZero();
    }

    @Test
    void listsTheShippedScenariosAndPrintsTheirDevicesAndRules() {
        assertThat(run("scenario", "list")).isZero();
        assertThat(out()).contains("healthy-fleet", "stb-cpu-overheating", "charger-ground-fault");

        assertThat(run("scenario", "devices", "--name", "charger-energy-service")).isZero();
        assertThat(out()).contains("DC-CP-01 EV_CHARGER OCPP16 DC-150-HPC", "AC-CP-01 EV_CHARGER OCPP16 AC-22-DUO");

        assertThat(run("scenario", "rules")).isZero();
        assertThat(out()).contains("stb.cpu-overheat", "sustainFor: PT10S");
    }

    @Test
    void aScenarioRunNeedsTheApiAnAccountAndEveryDevicesSecret() throws Exception {
        Path credentials = Files.writeString(dir.resolve("c.properties"), "OH-STB-01=s1\n");

        assertThat(run("scenario", "run", "--name", "stb-cpu-overheating", "--mqtt", "tcp://127.0.0.1:1")).isEqualTo(2);
        assertThat(error()).contains("--api is required");
        assertThat(run("scenario", "run", "--name", "stb-cpu-overheating", "--api", "http://127.0.0.1:1",
                "--user", "u", "--password", "p", "--mqtt", "tcp://127.0.0.1:1",
                "--credentials", credentials.toString())).isEqualTo(2);
        assertThat(error()).contains("no secret for 2 device(s), e.g. OH-STB-02");
        assertThat(run("scenario", "run", "--name", "no-such-thing")).isEqualTo(2);
        assertThat(error()).contains("no scenario named no-such-thing");
        assertThat(run("scenario", "run", "--all", "--name", "healthy-fleet")).isEqualTo(2);
        assertThat(error()).contains("exactly one of --all, --name N[,N..], --file F");
    }

    @Test
    void coapBoxesNeedTheDtlsEndpointAndModbusChargersAPortInTheGatewaysDevicesFile() throws Exception {
        Path credentials = Files.writeString(dir.resolve("c.properties"), "CA-STB-01=s1\nCA-STB-02=s2\n");
        Path devices = Files.writeString(dir.resolve("modbus-devices.yaml"), """
                devices:
                  - {deviceId: MB-CP-01, host: 127.0.0.1, port: 40001}
                """);
        String[] api = {"--api", "http://127.0.0.1:1", "--user", "u", "--password", "p",
                "--credentials", credentials.toString()};

        assertThat(run(concat(new String[] {"scenario", "run", "--name", "stb-coap-overheating"}, api))).isEqualTo(2);
        assertThat(error()).contains("stb-coap-overheating has set-top boxes over CoAP: --coap is required");
        assertThat(run(concat(new String[] {"scenario", "run", "--name", "charger-modbus-going-silent",
                "--modbus-devices", devices.toString()}, api))).isEqualTo(2);
        assertThat(error()).contains("--modbus-devices must name the gateway's devices file listing MB-CP-02");
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }

    @Test
    void aLoadTestNeedsARateADurationAndTheApiForFaults() {
        assertThat(run("load", "--chargers", "10", "--ocpp", "ws://127.0.0.1:1/ocpp", "--duration", "10")).isEqualTo(2);
        assertThat(error()).contains("--rate");
        assertThat(run("load", "--chargers", "10", "--ocpp", "ws://127.0.0.1:1/ocpp", "--rate", "5", "--duration", "10",
                "--credentials", "x", "--faults", "2")).isEqualTo(2);
        assertThat(error()).contains("--faults needs --api");
    }

    @Test
    void coapSetTopBoxesNeedTheDtlsEndpointInTheFleetAndTheLoadCommand() {
        assertThat(run("load", "--coap-set-top-boxes", "10", "--rate", "5", "--duration", "10")).isEqualTo(2);
        assertThat(error()).contains("--coap-set-top-boxes needs --coap");
        assertThat(run("fleet", "--coap-set-top-boxes", "2", "--credentials", "x")).isEqualTo(2);
        assertThat(error()).contains("--coap-set-top-boxes needs --coap");
        assertThat(run("load", "--help")).isZero();
        assertThat(out()).contains("--coap-set-top-boxes K", "LD-CSTB-00001", "CSTB-0001");
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
