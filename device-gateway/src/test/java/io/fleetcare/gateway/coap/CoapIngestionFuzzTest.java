package io.fleetcare.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.fleetcare.gateway.fuzz.RandomInputs;
import io.fleetcare.gateway.ingest.DeviceEventPublisher;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Test;

/**
 * Generated CoAP requests (any path, method, Content-Format, body of any shape or bytes, PSK identity or none)
 * through {@link CoapIngestion}: every one gets a reply, 2.04 only with exactly one event on Kafka, a 4.xx with one
 * rejection counted and nothing on Kafka; no exception escapes. {@link RandomInputs#CASES} cases.
 */
class CoapIngestionFuzzTest {

    private static final ObjectMapper CBOR = new CBORMapper();
    private static final List<String> FIELDS = List.of("ts", "seq", "type", "model", "metrics", "event", "code",
            "cpu_temp_c");
    private static final Set<ResponseCode> REFUSALS = Set.of(ResponseCode.BAD_REQUEST, ResponseCode.UNAUTHORIZED,
            ResponseCode.NOT_FOUND, ResponseCode.METHOD_NOT_ALLOWED, ResponseCode.REQUEST_ENTITY_TOO_LARGE,
            ResponseCode.UNSUPPORTED_CONTENT_FORMAT);

    @Test
    void anyRequestIsAnsweredAndOnlyAChangedOneReachesKafka() {
        RandomInputs.forEachCase("coap-any", CoapIngestionFuzzTest::request, CoapIngestionFuzzTest::check);
    }

    private static CoapDeviceRequest request(RandomInputs inputs) {
        List<String> path = new ArrayList<>(switch (inputs.between(0, 4)) {
            case 0 -> List.of("devices", "STB-1", "telemetry");
            case 1 -> List.of("devices", "STB-1", "events");
            case 2 -> List.of("devices", inputs.text(20), inputs.oneOf(List.of("telemetry", "events", "x")));
            case 3 -> List.of(inputs.text(10));
            default -> List.of("devices", "STB-1", "telemetry", inputs.text(5));
        });
        int format = inputs.oneOf(List.of(MediaTypeRegistry.APPLICATION_JSON, MediaTypeRegistry.APPLICATION_CBOR,
                MediaTypeRegistry.TEXT_PLAIN, MediaTypeRegistry.UNDEFINED, inputs.between(0, 65_535)));
        byte[] body;
        try {
            body = switch (inputs.between(0, 3)) {
                case 0 -> inputs.text(200).getBytes(StandardCharsets.UTF_8);
                case 1 -> inputs.json(3, FIELDS).toString().getBytes(StandardCharsets.UTF_8);
                case 2 -> cbor(inputs.json(3, FIELDS));
                default -> ("{\"ts\":\"2026-12-07T09:59:59Z\",\"seq\":" + inputs.between(-5, 99)
                        + ",\"metrics\":{\"cpu_temp_c\":" + inputs.json(0, FIELDS) + "}}")
                        .getBytes(StandardCharsets.UTF_8);
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String identity = inputs.oneOf(java.util.Arrays.asList(null, "STB-1", "STB-2", inputs.text(8)));
        return new CoapDeviceRequest(inputs.chance(0.9), path, format, body, identity, "127.0.0.1:5683");
    }

    /** CBOR of the value; its JSON text when CBOR cannot encode it (a lone surrogate in a string). */
    private static byte[] cbor(com.fasterxml.jackson.databind.JsonNode value) {
        try {
            return CBOR.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notEncodable) {
            return value.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void check(CoapDeviceRequest request) {
        MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestMetrics metrics = new IngestMetrics(registry);
        CoapIngestion ingestion = new CoapIngestion(new DeviceEventPublisher(kafka, metrics), metrics,
                id -> "STB-1".equals(id) ? Optional.of("secret".getBytes(StandardCharsets.UTF_8)) : Optional.empty(),
                Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC), 256, Duration.ofMillis(200));

        CoapReply reply;
        try {
            reply = ingestion.handle(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        double rejected = registry.find("gateway.messages.rejected").counters().stream()
                .mapToDouble(Counter::count).sum();
        if (reply.code() == ResponseCode.CHANGED) {
            assertThat(kafka.history()).hasSize(1);
            assertThat(rejected).isZero();
        } else {
            assertThat(REFUSALS).as("reply code").contains(reply.code());
            assertThat(kafka.history()).isEmpty();
            assertThat(rejected).as("the refusal is counted under a reason").isEqualTo(1.0);
        }
    }
}
