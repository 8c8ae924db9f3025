package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Topics;
import io.fleetcare.gateway.coap.CoapIngestServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GatewayInfrastructure.class)
class CoapIngestIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final long COAP_TIMEOUT_MS = 10_000;
    /** A refused handshake leaves the client waiting; an accepted one answers well within this. */
    private static final long REFUSED_HANDSHAKE_WAIT_MS = 3_000;
    private static final Path COAP_CLIENT = Path.of("/usr/bin/coap-client-notls");
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    @Inject
    CoapIngestServer server;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final List<CoapEndpoint> endpoints = new ArrayList<>();
    private KafkaConsumer<String, String> telemetry;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    @BeforeEach
    void readTelemetryFromTheStart() {
        telemetry = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(Topics.DEVICE_TELEMETRY, 0);
        telemetry.assign(List.of(partition));
        telemetry.seekToBeginning(List.of(partition));
    }

    @AfterEach
    void closeClients() {
        endpoints.forEach(CoapEndpoint::destroy);
        if (telemetry != null) {
            telemetry.close();
        }
    }

    @Test
    void plainCoapListensOnTheConfiguredInterfaceOnlyWhileDtlsListensWhereItIsTold() {
        assertThat(server.plainAddress().orElseThrow().getAddress().isLoopbackAddress())
                .as("fleetcare.coap.plain.host=127.0.0.1 (the default)").isTrue();
        assertThat(server.plainAddress().orElseThrow().getAddress().isAnyLocalAddress()).isFalse();
    }

    @Test
    void jsonTelemetryIsChangedAndArrivesOnKafkaAsDeviceEvent() throws Exception {
        // given
        Instant ts = uniqueTimestamp();
        String body = """
                {"ts":"%s","seq":42,"type":"SET_TOP_BOX","model":"STB-4K-200",
                 "metrics":{"cpu_temp_c":61.5,"cpu_pct":37,"tuner_ber":1e-7,"fw":"1.2.3"}}""".formatted(ts);

        // when
        CoapResponse response = plainPost("devices/STB-1/telemetry", body.getBytes(StandardCharsets.UTF_8),
                MediaTypeRegistry.APPLICATION_JSON);

        // then
        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        ConsumerRecord<String, String> record = awaitRecord(r -> decode(r).deviceTs().equals(ts));
        DeviceEvent event = decode(record);
        assertThat(record.key()).isEqualTo("STB-1");
        assertThat(event.deviceId()).isEqualTo("STB-1");
        assertThat(event.protocol()).isEqualTo(Protocol.COAP);
        assertThat(event.kind()).isEqualTo(EventKind.METRICS);
        assertThat(event.deviceType()).isEqualTo(DeviceType.SET_TOP_BOX);
        assertThat(event.model()).isEqualTo("STB-4K-200");
        assertThat(event.metrics()).containsExactlyInAnyOrderEntriesOf(
                Map.of("cpu_temp_c", 61.5, "cpu_pct", 37.0, "tuner_ber", 1e-7));
    }

    @Test
    void cborEventIsChangedAndArrivesAsOccurrence() throws Exception {
        // given
        Instant ts = uniqueTimestamp();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ts", ts.toString());
        body.put("event", "REBOOT");
        body.put("reason", "WATCHDOG");
        byte[] cbor = new CBORMapper().writeValueAsBytes(body);

        // when
        CoapResponse response = plainPost("devices/STB-1/events", cbor, MediaTypeRegistry.APPLICATION_CBOR);

        // then
        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        DeviceEvent event = decode(awaitRecord(r -> decode(r).deviceTs().equals(ts)));
        assertThat(event.kind()).isEqualTo(EventKind.EVENT);
        assertThat(event.protocol()).isEqualTo(Protocol.COAP);
        assertThat(event.event()).isEqualTo(new DeviceOccurrence("REBOOT", "WATCHDOG", null, null));
    }

    @Test
    void malformedJsonIsBadRequestAndCounted() throws Exception {
        // given
        String rejected = "gateway_messages_rejected_total{protocol=\"coap\",reason=\"malformed_payload\"}";
        double before = metric(rejected);

        // when
        CoapResponse response = plainPost("devices/STB-1/telemetry",
                "{\"metrics\": oops".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.APPLICATION_JSON);

        // then
        assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(metric(rejected)).isEqualTo(before + 1);
    }

    @Test
    void bodyAboveTheLimitIsTooLarge() throws Exception {
        // given a body of a single datagram, above the configured limit
        String padding = "x".repeat(GatewayInfrastructure.COAP_MAX_PAYLOAD_BYTES);
        byte[] body = "{\"metrics\":{},\"model\":\"%s\"}".formatted(padding).getBytes(StandardCharsets.UTF_8);

        // when
        CoapResponse response = plainPost("devices/STB-1/telemetry", body, MediaTypeRegistry.APPLICATION_JSON);

        // then
        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(response.getOptions().getSize1()).isEqualTo(GatewayInfrastructure.COAP_MAX_PAYLOAD_BYTES);
    }

    @Test
    void bodyAboveTheLimitInABlockwiseTransferIsTooLarge() throws Exception {
        // given a body the client sends in several blocks (larger than one datagram)
        String padding = "x".repeat(4 * GatewayInfrastructure.COAP_MAX_PAYLOAD_BYTES);
        byte[] body = "{\"metrics\":{},\"model\":\"%s\"}".formatted(padding).getBytes(StandardCharsets.UTF_8);

        // when
        CoapResponse response = plainPost("devices/STB-1/telemetry", body, MediaTypeRegistry.APPLICATION_JSON);

        // then
        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        CoapResponse response = plainPost("devices/STB-1/commands", "{}".getBytes(StandardCharsets.UTF_8),
                MediaTypeRegistry.APPLICATION_JSON);

        assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
    }

    @Test
    void dtlsDeviceWithItsPreSharedKeyIsChanged() throws Exception {
        // given
        Instant ts = uniqueTimestamp();

        // when
        CoapResponse response = dtlsPost(GatewayInfrastructure.DEVICE, GatewayInfrastructure.DEVICE_SECRET,
                "devices/STB-1/telemetry", "{\"ts\":\"%s\",\"metrics\":{\"cpu_temp_c\":70}}".formatted(ts));

        // then
        assertThat(response).isNotNull();
        assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        DeviceEvent event = decode(awaitRecord(r -> decode(r).deviceTs().equals(ts)));
        assertThat(event.deviceId()).isEqualTo("STB-1");
        assertThat(event.protocol()).isEqualTo(Protocol.COAP);
    }

    @Test
    void dtlsDeviceWithAWrongKeyGetsNoSession() {
        // when
        ResponseCode answer;
        try {
            CoapResponse response = dtlsPost(GatewayInfrastructure.DEVICE, "not-the-secret",
                    "devices/STB-1/telemetry", "{\"metrics\":{\"cpu_temp_c\":70}}", REFUSED_HANDSHAKE_WAIT_MS);
            answer = response == null ? null : response.getCode();
        } catch (ConnectorException | IOException handshakeFailed) {
            answer = null;
        }

        // then
        assertThat(answer).isNull();
    }

    @Test
    void dtlsDeviceCannotSendForAnotherDevice() throws Exception {
        // when STB-2, authenticated with its own key, posts on STB-1's resource
        CoapResponse response = dtlsPost(GatewayInfrastructure.OTHER_DEVICE, GatewayInfrastructure.OTHER_DEVICE_SECRET,
                "devices/STB-1/telemetry", "{\"metrics\":{\"cpu_temp_c\":70}}");

        // then
        assertThat(response).isNotNull();
        assertThat(response.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
    }

    @Test
    void libcoapClientPostingJsonGetsChanged() throws Exception {
        // given
        Instant ts = uniqueTimestamp();

        // when
        String code = libcoapPost("devices/STB-1/telemetry",
                "{\"ts\":\"%s\",\"metrics\":{\"cpu_temp_c\":48.5}}".formatted(ts));

        // then
        assertThat(code).isEqualTo("2.04");
        assertThat(decode(awaitRecord(r -> decode(r).deviceTs().equals(ts))).metrics())
                .containsExactly(Map.entry("cpu_temp_c", 48.5));
    }

    @Test
    void libcoapClientPostingMalformedJsonGetsBadRequest() throws Exception {
        String code = libcoapPost("devices/STB-1/telemetry", "{\"metrics\":[");

        assertThat(code).isEqualTo("4.00");
    }

    private CoapResponse plainPost(String path, byte[] body, int format) throws ConnectorException, IOException {
        InetSocketAddress address = server.plainAddress().orElseThrow();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(Configuration.createStandardWithoutFile())
                .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        endpoints.add(endpoint);
        CoapClient client = new CoapClient("coap://127.0.0.1:" + address.getPort() + "/" + path);
        client.setEndpoint(endpoint);
        client.setTimeout(COAP_TIMEOUT_MS);
        try {
            CoapResponse response = client.post(body, format);
            assertThat(response).as("a response within %d ms", COAP_TIMEOUT_MS).isNotNull();
            return response;
        } finally {
            client.shutdown();
        }
    }

    private CoapResponse dtlsPost(String identity, String key, String path, String json)
            throws ConnectorException, IOException {
        return dtlsPost(identity, key, path, json, COAP_TIMEOUT_MS);
    }

    private CoapResponse dtlsPost(String identity, String key, String path, String json, long timeoutMs)
            throws ConnectorException, IOException {
        InetSocketAddress address = server.dtlsAddress().orElseThrow();
        Configuration config = Configuration.createStandardWithoutFile()
                .set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY)
                .set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 2);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress("127.0.0.1", 0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key.getBytes(StandardCharsets.UTF_8)))
                .build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build();
        endpoints.add(endpoint);
        CoapClient client = new CoapClient("coaps://127.0.0.1:" + address.getPort() + "/" + path);
        client.setEndpoint(endpoint);
        client.setTimeout(timeoutMs);
        try {
            return client.post(json.getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.APPLICATION_JSON);
        } finally {
            client.shutdown();
        }
    }

    /** Posts with Debian's libcoap client and reads the response code from its trace (it always exits 0). */
    private String libcoapPost(String path, String json) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(COAP_CLIENT),
                "coap-client-notls is not installed (Debian package libcoap3-bin)");
        int port = server.plainAddress().orElseThrow().getPort();
        Process process = new ProcessBuilder(COAP_CLIENT.toString(), "-m", "post", "-t", "json", "-v", "6",
                "-B", "10", "-e", json, "coap://127.0.0.1:" + port + "/" + path)
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("coap-client-notls finished").isTrue();
        String trace = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher code = Pattern.compile("c:(\\d\\.\\d\\d)").matcher(trace);
        String last = null;
        while (code.find()) {
            last = code.group(1);
        }
        assertThat(last).as("a response code in the trace:%n%s", trace).isNotNull();
        return last;
    }

    private ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> wanted) {
        return await().atMost(DELIVERY).until(() -> {
            telemetry.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().filter(wanted).findFirst().orElse(null);
        }, found -> found != null);
    }

    private static DeviceEvent decode(ConsumerRecord<String, String> record) {
        return EventCodec.decode(record.value(), DeviceEvent.class);
    }

    /** The value of one Prometheus sample on /q/metrics, 0 when it is not there yet. */
    private static double metric(String sample) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
                .findFirst()
                .orElse(0.0);
    }

    private static Instant uniqueTimestamp() {
        return START.plusSeconds(SEQUENCE.incrementAndGet());
    }
}
