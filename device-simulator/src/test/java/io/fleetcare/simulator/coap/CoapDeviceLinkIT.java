package io.fleetcare.simulator.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A box's uplink against a real Californium DTLS-PSK server that knows only the box's key. */
class CoapDeviceLinkIT {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private CoapServer server;
    private int port;

    @BeforeEach
    void startServer() {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        Configuration config = Configuration.createStandardWithoutFile()
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore("CA-T-01", "s3cret".getBytes(StandardCharsets.UTF_8)))
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build();
        server = new CoapServer(config);
        server.addEndpoint(endpoint);
        CoapResource telemetry = new CoapResource("telemetry") {
            @Override
            public void handlePOST(CoapExchange exchange) {
                received.add(exchange.getRequestOptions().getContentFormat() + " " + exchange.getRequestText());
                exchange.respond(ResponseCode.CHANGED);
            }
        };
        server.add(new CoapResource("devices").add(new CoapResource("CA-T-01").add(telemetry)));
        server.start();
        port = endpoint.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.destroy();
    }

    @Test
    void postsJsonOverDtlsWithTheDeviceIdAsIdentityAndItsSecretAsKey() throws Exception {
        try (CoapDeviceLink link = CoapDeviceLink.open("coaps://127.0.0.1:" + port, "CA-T-01", "s3cret")) {
            link.post("telemetry", "{\"metrics\":{\"cpu_temp_c\":61.5}}".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            assertThat(received).containsExactly("50 {\"metrics\":{\"cpu_temp_c\":61.5}}");
            assertThat(link.refused()).isZero();
        }
    }

    @Test
    void anAnswerOtherThanChangedIsCountedAsRefused() throws Exception {
        try (CoapDeviceLink link = CoapDeviceLink.open("coaps://127.0.0.1:" + port, "CA-T-01", "s3cret")) {
            link.post("events", "{\"event\":\"REBOOT\"}".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(10)).until(() -> link.refused() == 1);
            assertThat(received).isEmpty();
        }
    }
}
