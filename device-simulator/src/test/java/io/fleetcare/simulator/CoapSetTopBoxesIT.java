package io.fleetcare.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.simulator.coap.ScriptedCoapGateway;
import io.fleetcare.simulator.fleet.FleetPlan;
import io.fleetcare.simulator.load.LoadSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CoAP set-top boxes (DTLS-PSK) in the {@code fleet} and {@code load} commands, against one CoAP gateway. */
class CoapSetTopBoxesIT {

    private static ScriptedCoapGateway gateway;
    private static Path credentials;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startGateway() throws Exception {
        List<String> ids = new ArrayList<>(Simulate.coapSetTopBoxIds(2));
        ids.addAll(LoadSettings.coapSetTopBoxIds(3));
        Map<String, String> secrets = FleetPlan.newSecrets(ids);
        gateway = ScriptedCoapGateway.start(secrets);
        credentials = Files.writeString(dir.resolve("devices.properties"), secrets.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void theFleetCommandRunsCoapBoxesThatPostTheirTelemetryAsThemselves() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Simulate.run(new String[] {"fleet", "--coap", gateway.coapsUri(), "--credentials",
                credentials.toString(), "--coap-set-top-boxes", "2", "--interval-ms", "500", "--duration", "3"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("running 0 set-top boxes over MQTT, 2 over CoAP")
                .containsPattern("CoAP set-top boxes: sent [1-9]\\d* failed 0");
        for (String id : List.of("CSTB-0001", "CSTB-0002")) {
            assertThat(gateway.posts(id)).as(id).isNotEmpty()
                    .allSatisfy(post -> {
                        assertThat(post.channel()).isEqualTo("telemetry");
                        assertThat(post.contentFormat()).isEqualTo(50);
                        assertThat(post.body()).contains("\"cpu_temp_c\"");
                    });
        }
    }

    @Test
    void theLoadCommandRunsCoapBoxesAtTheGivenRateAndCountsNoSendErrors() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Simulate.run(new String[] {"load", "--coap", gateway.coapsUri(), "--credentials",
                credentials.toString(), "--coap-set-top-boxes", "3", "--rate", "6", "--duration", "3"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("devices: 3 of 3 connected")
                .containsPattern("sent: [1-9]\\d* messages").contains("send errors: 0");
        assertThat(LoadSettings.coapSetTopBoxIds(3)).allSatisfy(id -> assertThat(gateway.posts(id)).isNotEmpty());
    }
}
