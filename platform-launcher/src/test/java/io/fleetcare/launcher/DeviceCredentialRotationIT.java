package io.fleetcare.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.simulator.scenario.Scenario;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7, device credentials, end to end on the embedded platform: an administrator rotates a charger's and two
 * set-top boxes' secrets through the service API; the API publishes the hashes (and the sealed CoAP key) on Kafka, the
 * running gateway and the launcher's broker-account sync apply them, and then the old secrets are refused and the new
 * ones admitted over OCPP (HTTP Basic at the WebSocket upgrade), MQTT (broker login) and CoAP (DTLS-PSK handshake),
 * while every process keeps running.
 */
class DeviceCredentialRotationIT {

    private static final String CHARGER = "CP-CRED-1";
    private static final String MQTT_BOX = "STB-CRED-M";
    private static final String COAP_BOX = "STB-CRED-C";
    private static final String UNTOUCHED_BOX = "STB-CRED-KEEP";
    private static final Duration APPLIED = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    @TempDir
    static Path dataDir;

    private static EmbeddedPlatform platform;

    @BeforeAll
    static void startPlatform() {
        Path home = Path.of(System.getProperty("fleetcare.home", "..")).toAbsolutePath();
        platform = EmbeddedPlatform.start(new PlatformOptions(home, dataDir, 0, 0, 0, 0, 0, 0, 7,
                Duration.ofSeconds(1), null, List.of(
                        new PlatformOptions.ExtraDevice(CHARGER, true, "AC-22", Scenario.Protocol.OCPP16),
                        new PlatformOptions.ExtraDevice(MQTT_BOX, false, "STB-4K-200", Scenario.Protocol.MQTT),
                        new PlatformOptions.ExtraDevice(COAP_BOX, false, "STB-4K-200", Scenario.Protocol.COAP),
                        new PlatformOptions.ExtraDevice(UNTOUCHED_BOX, false, "STB-4K-200", Scenario.Protocol.MQTT))));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void rotatedSecretsReplaceTheOldOnesOverOcppMqttAndCoapWithoutAnyRestart() throws Exception {
        // given: the launcher's bootstrap secrets work, and a device that is not rotated stays connected throughout
        String oldCharger = platform.deviceSecret(CHARGER);
        String oldMqtt = platform.deviceSecret(MQTT_BOX);
        String oldCoap = platform.deviceSecret(COAP_BOX);
        assertThat(ocppUpgrade(CHARGER, oldCharger)).isEqualTo(101);
        mqttConnect(MQTT_BOX, oldMqtt).disconnect();
        assertThat(dtlsPost(COAP_BOX, oldCoap)).isEqualTo(ResponseCode.CHANGED);
        MqttClient untouched = mqttConnect(UNTOUCHED_BOX, platform.deviceSecret(UNTOUCHED_BOX));
        String children = Files.readString(dataDir.resolve("children.pid"));
        register(CHARGER, "EV_CHARGER", "AC-22");
        register(MQTT_BOX, "SET_TOP_BOX", "STB-4K-200");
        register(COAP_BOX, "SET_TOP_BOX", "STB-4K-200");

        // when
        String newCharger = rotate(CHARGER);
        String newMqtt = rotate(MQTT_BOX);
        String newCoap = rotate(COAP_BOX);

        // then: OCPP
        await("new OCPP password admitted").atMost(APPLIED).pollInterval(Duration.ofMillis(500))
                .until(() -> ocppUpgrade(CHARGER, newCharger) == 101);
        assertThat(ocppUpgrade(CHARGER, oldCharger)).isEqualTo(401);
        // MQTT
        await("new MQTT password admitted").atMost(APPLIED).pollInterval(Duration.ofMillis(500))
                .until(() -> mqttAccepts(MQTT_BOX, newMqtt));
        assertThat(mqttAccepts(MQTT_BOX, oldMqtt)).isFalse();
        // CoAP
        await("new pre-shared key admitted").atMost(APPLIED).pollInterval(Duration.ofMillis(500))
                .until(() -> dtlsPost(COAP_BOX, newCoap) == ResponseCode.CHANGED);
        assertThat(dtlsPost(COAP_BOX, oldCoap)).isNull();
        // nothing restarted: the same child JVMs run, and the broker kept the untouched device's connection
        assertThat(Files.readString(dataDir.resolve("children.pid"))).isEqualTo(children);
        children.lines().map(Long::parseLong).forEach(pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("child %d", pid).contains(true));
        assertThat(untouched.isConnected()).isTrue();
        untouched.disconnect();
        untouched.close();
    }

    @Test
    void theApiShowsTheRotationWithoutTheSecretAndRefusesUnknownDevices() throws Exception {
        // given
        String id = "CP-CRED-META";
        register(id, "EV_CHARGER", "AC-22");
        String secret = rotate(id);

        // when
        HttpResponse<String> metadata = api("GET", "/api/devices/" + id + "/credentials", null);
        HttpResponse<String> unknown = api("POST", "/api/devices/CP-CRED-NOBODY/credentials", null);

        // then
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.body()).doesNotContain(secret).doesNotContain("$7$");
        assertThat(JSON.readTree(metadata.body()).path("rotatedBy").asText()).isEqualTo(platform.adminUser());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
    }

    private static void register(String deviceId, String type, String model) throws Exception {
        String body = JSON.writeValueAsString(Map.of("deviceId", deviceId, "deviceType", type, "model", model,
                "serial", "SN-" + deviceId, "siteAddress", "Test site", "producedOn", "2025-03-01"));
        HttpResponse<String> response = api("POST", "/api/devices", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static String rotate(String deviceId) throws Exception {
        HttpResponse<String> response = api("POST", "/api/devices/" + deviceId + "/credentials", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode issued = JSON.readTree(response.body());
        assertThat(issued.path("version").asInt()).isEqualTo(1);
        return issued.path("secret").asText();
    }

    private static HttpResponse<String> api(String method, String path, String json) throws Exception {
        String credentials = platform.adminUser() + ":" + platform.adminPassword();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.apiUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** 101 when the gateway upgraded the connection, else the status it refused it with. */
    private static int ocppUpgrade(String chargePointId, String password) throws InterruptedException {
        try {
            WebSocket socket = HTTP.newWebSocketBuilder().subprotocols("ocpp1.6")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (chargePointId + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .buildAsync(URI.create(platform.ocppBaseUri() + "/" + chargePointId), new WebSocket.Listener() { })
                    .get(20, TimeUnit.SECONDS);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
            return 101;
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the gateway did not answer the upgrade", e);
        }
    }

    private static MqttClient mqttConnect(String deviceId, String password) throws MqttException {
        MqttClient client = new MqttClient(platform.broker().serverUri(), deviceId,
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(deviceId);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setConnectionTimeout(10);
        client.connect(options);
        return client;
    }

    private static boolean mqttAccepts(String deviceId, String password) {
        try {
            MqttClient client = mqttConnect(deviceId, password);
            client.disconnect();
            client.close();
            return true;
        } catch (MqttException refused) {
            return false;
        }
    }

    /** The answer to a DTLS-PSK telemetry POST; null when the handshake failed and nothing answered. */
    private static ResponseCode dtlsPost(String deviceId, String key) {
        Configuration config = Configuration.createStandardWithoutFile()
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY)
                .set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(deviceId, key.getBytes(StandardCharsets.UTF_8)))
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build();
        CoapClient client = new CoapClient(platform.coapsUri() + "/devices/" + deviceId + "/telemetry");
        client.setEndpoint(endpoint);
        client.setTimeout(5_000L);
        try {
            CoapResponse response = client.post(
                    "{\"type\":\"SET_TOP_BOX\",\"metrics\":{\"cpu_temp_c\":50}}".getBytes(StandardCharsets.UTF_8),
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
