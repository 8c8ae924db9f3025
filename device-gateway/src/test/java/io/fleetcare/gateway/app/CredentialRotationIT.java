package io.fleetcare.gateway.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.gateway.coap.CoapIngestServer;
import io.fleetcare.gateway.ocpp.RawChargePoint;
import io.fleetcare.infra.mqtt.MosquittoPasswordFile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials issued by the service API reach the running gateway through Kafka: records are produced on the
 * credentials topic as the API writes them, and the next OCPP upgrade and the next DTLS handshake use them, with no
 * restart. Devices of their own ({@code CP-ROT}, {@code STB-ROT}), so the other tests' devices keep their secrets.
 */
@QuarkusTest
@WithTestResource(GatewayInfrastructure.class)
class CredentialRotationIT {

    private static final Duration APPLIED = Duration.ofSeconds(30);
    private static final String TOPIC = "device.credentials";
    private static final long REFUSED_HANDSHAKE_WAIT_MS = 3_000;

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private static KafkaProducer<String, String> producer;

    @TestHTTPResource("/")
    URL http;

    @Inject
    CoapIngestServer coap;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "fleetcare.credentials.transport-key")
    String transportKey;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void aRotatedChargerPasswordRefusesTheOldOneAndAdmitsTheNewOneWithoutARestart() throws Exception {
        // given
        publish("CP-ROT", "EV_CHARGER", 1, "first-password", false);
        await().atMost(APPLIED).until(() -> upgradeStatus("CP-ROT", "first-password") == 101);

        // when
        publish("CP-ROT", "EV_CHARGER", 2, "second-password", false);

        // then
        await().atMost(APPLIED).until(() -> upgradeStatus("CP-ROT", "first-password") == 401);
        assertThat(upgradeStatus("CP-ROT", "second-password")).isEqualTo(101);
    }

    @Test
    void anOlderVersionArrivingLateDoesNotBringBackTheOldPassword() throws Exception {
        // given
        publish("CP-ROT-LATE", "EV_CHARGER", 5, "current-password", false);
        await().atMost(APPLIED).until(() -> upgradeStatus("CP-ROT-LATE", "current-password") == 101);

        // when
        publish("CP-ROT-LATE", "EV_CHARGER", 4, "stale-password", false);
        publish("CP-ROT-MARK", "EV_CHARGER", 1, "marker-password", false);
        await().atMost(APPLIED).until(() -> upgradeStatus("CP-ROT-MARK", "marker-password") == 101);

        // then
        assertThat(upgradeStatus("CP-ROT-LATE", "stale-password")).isEqualTo(401);
        assertThat(upgradeStatus("CP-ROT-LATE", "current-password")).isEqualTo(101);
    }

    @Test
    void aSetTopBoxCredentialDoesNotOpenAnOcppConnection() throws Exception {
        // given
        publish("STB-ROT-OCPP", "SET_TOP_BOX", 1, "box-secret", true);

        // when
        await().atMost(APPLIED).until(() -> dtlsCode("STB-ROT-OCPP", "box-secret") == ResponseCode.CHANGED);

        // then
        assertThat(upgradeStatus("STB-ROT-OCPP", "box-secret")).isEqualTo(401);
    }

    @Test
    void aRotatedPreSharedKeyFailsTheOldHandshakeAndPassesTheNewOneWithoutARestart() throws Exception {
        // given
        publish("STB-ROT", "SET_TOP_BOX", 1, "first-key", true);
        await().atMost(APPLIED).until(() -> dtlsCode("STB-ROT", "first-key") == ResponseCode.CHANGED);

        // when
        publish("STB-ROT", "SET_TOP_BOX", 2, "second-key", true);

        // then
        await().atMost(APPLIED).until(() -> dtlsCode("STB-ROT", "second-key") == ResponseCode.CHANGED);
        assertThat(dtlsCode("STB-ROT", "first-key")).isNull();
    }

    private void publish(String deviceId, String type, int version, String secret, boolean psk) throws Exception {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                    new StringSerializer(), new StringSerializer());
        }
        String sealed = psk ? "\"" + seal(secret, deviceId, version) + "\"" : "null";
        String json = """
                {"deviceId":"%s","deviceType":"%s","model":"M-1","version":%d,"secretHash":"%s","sealedPsk":%s,
                 "rotatedAt":"%s"}""".formatted(deviceId, type, version, MosquittoPasswordFile.hash(secret), sealed,
                Instant.now());
        producer.send(new ProducerRecord<>(TOPIC, deviceId, json)).get();
    }

    private String seal(String secret, String deviceId, int version) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(transportKey), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD(("fleetcare-device-secret|" + deviceId + "|" + version).getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return "v1." + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }

    /** 101 when the upgrade succeeded, else the refusal's HTTP status. */
    private int upgradeStatus(String chargePointId, String password) throws InterruptedException {
        try {
            RawChargePoint.connect(URI.create(http.toString().replaceFirst("^http", "ws")),
                    chargePointId, "ocpp1.6", password).get().close();
            return 101;
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    /** The answer to a DTLS-PSK telemetry POST, null when the handshake failed (no answer). */
    private ResponseCode dtlsCode(String identity, String key) {
        InetSocketAddress address = coap.dtlsAddress().orElseThrow();
        Configuration config = Configuration.createStandardWithoutFile()
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY)
                .set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key.getBytes(StandardCharsets.UTF_8)))
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build();
        CoapClient client = new CoapClient("coaps://127.0.0.1:" + address.getPort() + "/devices/" + identity
                + "/telemetry");
        client.setEndpoint(endpoint);
        client.setTimeout(REFUSED_HANDSHAKE_WAIT_MS);
        try {
            CoapResponse response = client.post("{\"metrics\":{\"cpu_temp_c\":50}}".getBytes(StandardCharsets.UTF_8),
                    MediaTypeRegistry.APPLICATION_JSON);
            return response == null ? null : response.getCode();
        } catch (ConnectorException | IOException handshakeFailed) {
            return null;
        } finally {
            client.shutdown();
            endpoint.destroy();
        }
    }
}
