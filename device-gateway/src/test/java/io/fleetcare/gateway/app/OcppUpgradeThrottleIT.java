package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Password guessing at the OCPP upgrade is throttled (ChargePointAdmission, UpgradeThrottle). Each attempt is a raw
 * upgrade request on its own socket, bound to a loopback address of its own (127.0.0.0/8 is all loopback on Linux),
 * so that "another address" is real.
 */
@QuarkusTest
@WithTestResource(GatewayInfrastructure.class)
class OcppUpgradeThrottleIT {

    @TestHTTPResource("/")
    URI http;

    @Test
    void aThousandWrongPasswordsAreThrottledAndTheChargerStillConnectsFromAnotherAddress() throws Exception {
        // given
        double throttledBefore = metric(refused("throttled"));
        Map<Integer, Integer> statuses = new HashMap<>();
        int withoutRetryAfter = 0;

        // when
        for (int i = 0; i < 1_000; i++) {
            Answer answer = upgrade("127.0.0.3", GatewayInfrastructure.GUESSED_CHARGER, "wrong-" + i);
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() == 429 && answer.retryAfter() == null) {
                withoutRetryAfter++;
            }
        }
        Answer rightFromTheGuessersAddress = upgrade("127.0.0.3", GatewayInfrastructure.GUESSED_CHARGER,
                GatewayInfrastructure.GUESSED_CHARGER_PASSWORD);
        Answer rightFromElsewhere = upgrade("127.0.0.2", GatewayInfrastructure.GUESSED_CHARGER,
                GatewayInfrastructure.GUESSED_CHARGER_PASSWORD);

        // then
        assertThat(statuses.keySet()).containsOnly(401, 429);
        assertThat(statuses.get(401)).as("passwords actually checked").isBetween(5, 30);
        assertThat(statuses.get(429)).isEqualTo(1_000 - statuses.get(401));
        assertThat(withoutRetryAfter).isZero();
        assertThat(rightFromTheGuessersAddress.status()).isEqualTo(429);
        assertThat(rightFromElsewhere.status()).isEqualTo(101);
        assertThat(metric(refused("throttled"))).isEqualTo(throttledBefore + statuses.get(429) + 1);
    }

    @Test
    void guessesFromManyAddressesDelayNewAddressesButNotTheOneTheChargerConnectsFrom() throws Exception {
        // given
        String password = GatewayInfrastructure.GUESSED_CHARGER_PASSWORD;
        assertThat(upgrade("127.0.0.20", GatewayInfrastructure.SPREAD_CHARGER, password).status()).isEqualTo(101);
        for (int i = 1; i <= 21; i++) {
            assertThat(upgrade("127.0.1." + i, GatewayInfrastructure.SPREAD_CHARGER, "guess").status())
                    .isEqualTo(401);
        }

        // when
        int newAddress = upgrade("127.0.0.21", GatewayInfrastructure.SPREAD_CHARGER, password).status();
        int knownAddress = upgrade("127.0.0.20", GatewayInfrastructure.SPREAD_CHARGER, password).status();

        // then
        assertThat(newAddress).isEqualTo(429);
        assertThat(knownAddress).isEqualTo(101);
    }

    private record Answer(int status, String retryAfter) {
    }

    /** One upgrade request from {@code source}; the connection is closed right after the answer's head. */
    private Answer upgrade(String source, String chargePointId, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", http.getPort()), 5_000);
            socket.setSoTimeout(10_000);
            String credentials = Base64.getEncoder()
                    .encodeToString((chargePointId + ":" + password).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /ocpp/" + chargePointId + " HTTP/1.1\r\nHost: " + http.getHost()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\nAuthorization: Basic "
                    + credentials + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
            String[] lines = head.toString().split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String retryAfter = null;
            for (String line : lines) {
                if (line.regionMatches(true, 0, "Retry-After:", 0, 12)) {
                    retryAfter = line.substring(12).trim();
                }
            }
            return new Answer(status, retryAfter);
        }
    }

    private static String refused(String reason) {
        return "gateway_connections_refused_total{protocol=\"ocpp\",reason=\"" + reason + "\"}";
    }

    private static double metric(String sample) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
                .findFirst()
                .orElse(0.0);
    }
}
