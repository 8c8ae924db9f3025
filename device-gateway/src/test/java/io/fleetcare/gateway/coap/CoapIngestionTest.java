package io.fleetcare.gateway.coap;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.DeviceEventPublisher;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Test;

class CoapIngestionTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:01Z");
    private static final byte[] TELEMETRY = """
            {"ts":"2026-11-24T10:00:00Z","seq":7,"metrics":{"cpu_temp_c":61.5}}""".getBytes(StandardCharsets.UTF_8);

    private final MockProducer<String, byte[]> kafka =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry);
    private final DevicePskStore devices = id -> "STB-1".equals(id)
            ? Optional.of("secret".getBytes(StandardCharsets.UTF_8)) : Optional.empty();
    private final CoapIngestion ingestion = new CoapIngestion(new DeviceEventPublisher(kafka, metrics), metrics,
            devices, Clock.fixed(RECEIVED, ZoneOffset.UTC), 256, Duration.ofMillis(200));

    @Test
    void plainTelemetryOfAKnownDeviceIsAnsweredChangedOnlyAfterKafkaConfirmed() {
        // given
        CompletableFuture<CoapReply> reply = handle(post("devices/STB-1/telemetry", TELEMETRY, null));
        assertThat(reply).isNotDone();

        // when
        kafka.completeNext();

        // then
        assertThat(reply.join().code()).isEqualTo(ResponseCode.CHANGED);
        DeviceEvent event = EventCodec.decode(kafka.history().get(0).value(), DeviceEvent.class);
        assertThat(event.protocol()).isEqualTo(Protocol.COAP);
        assertThat(event.kind()).isEqualTo(EventKind.METRICS);
        assertThat(event.deviceId()).isEqualTo("STB-1");
        assertThat(event.receivedTs()).isEqualTo(RECEIVED);
        assertThat(event.metrics()).containsExactly(Map.entry("cpu_temp_c", 61.5));
        assertThat(registry.counter("gateway.messages.forwarded", "protocol", "coap").count()).isEqualTo(1.0);
    }

    @Test
    void kafkaFailureIsAnsweredServiceUnavailable() {
        // given
        CompletableFuture<CoapReply> reply = handle(post("devices/STB-1/telemetry", TELEMETRY, null));

        // when
        kafka.errorNext(new TimeoutException("expired"));

        // then
        assertThat(reply.join().code()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void kafkaThatDoesNotConfirmInTimeIsAnsweredServiceUnavailable() {
        // when Kafka never answers
        CompletableFuture<CoapReply> reply = handle(post("devices/STB-1/events",
                "{\"event\":\"REBOOT\"}".getBytes(StandardCharsets.UTF_8), null));

        // then
        assertThat(reply.join().code()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void pskIdentityOfAnotherDeviceIsUnauthorized() {
        // when
        CoapReply reply = handle(post("devices/STB-1/telemetry", TELEMETRY, "STB-2")).join();

        // then
        assertThat(reply.code()).isEqualTo(ResponseCode.UNAUTHORIZED);
        assertThat(kafka.history()).isEmpty();
        assertThat(registry.counter("gateway.messages.rejected", "protocol", "coap", "reason", "unknown_device")
                .count()).isEqualTo(1.0);
    }

    @Test
    void pskIdentityEqualToThePathIsAcceptedWithoutAStoreLookup() {
        // when
        CompletableFuture<CoapReply> reply = handle(post("devices/STB-9/telemetry", TELEMETRY, "STB-9"));
        kafka.completeNext();

        // then
        assertThat(reply.join().code()).isEqualTo(ResponseCode.CHANGED);
    }

    @Test
    void unknownDeviceOverPlainCoapIsUnauthorized() {
        assertThat(handle(post("devices/STB-9/telemetry", TELEMETRY, null)).join().code())
                .isEqualTo(ResponseCode.UNAUTHORIZED);
    }

    @Test
    void unknownPathsAreNotFound() {
        for (List<String> path : List.of(List.of("devices", "STB-1"), List.of("devices", "STB-1", "commands"),
                List.of("devices", "STB-1", "telemetry", "x"), List.of("devices", "STB-1/telemetry", "events"),
                List.of("things", "STB-1", "telemetry"), List.<String>of())) {
            CoapReply reply = handle(new CoapDeviceRequest(true, path, MediaTypeRegistry.APPLICATION_JSON,
                    TELEMETRY, null, "peer")).join();
            assertThat(reply.code()).as("%s", path).isEqualTo(ResponseCode.NOT_FOUND);
        }
    }

    @Test
    void otherMethodsThanPostAreNotAllowed() {
        CoapReply reply = handle(new CoapDeviceRequest(false, List.of("devices", "STB-1", "telemetry"),
                MediaTypeRegistry.APPLICATION_JSON, new byte[0], null, "peer")).join();

        assertThat(reply.code()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void contentFormatOtherThanJsonOrCborIsUnsupported() {
        for (int format : new int[] {MediaTypeRegistry.TEXT_PLAIN, MediaTypeRegistry.UNDEFINED}) {
            CoapReply reply = handle(new CoapDeviceRequest(true, List.of("devices", "STB-1", "telemetry"), format,
                    TELEMETRY, null, "peer")).join();
            assertThat(reply.code()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        }
    }

    @Test
    void malformedBodyIsBadRequestAndOversizedBodyIsTooLarge() {
        assertThat(handle(post("devices/STB-1/telemetry", "{\"metrics\":".getBytes(StandardCharsets.UTF_8), null))
                .join().code()).isEqualTo(ResponseCode.BAD_REQUEST);
        assertThat(handle(post("devices/STB-1/telemetry", new byte[257], null)).join().code())
                .isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        assertThat(kafka.history()).isEmpty();
    }

    private CompletableFuture<CoapReply> handle(CoapDeviceRequest request) {
        return ingestion.handle(request).toCompletableFuture();
    }

    private static CoapDeviceRequest post(String path, byte[] body, String pskIdentity) {
        return new CoapDeviceRequest(true, List.of(path.split("/")), MediaTypeRegistry.APPLICATION_JSON, body,
                pskIdentity, "127.0.0.1:5683");
    }
}
