package io.fleetcare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.DeviceClock;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DeviceEventPublisherTest {

    private final MockProducer<String, byte[]> kafka =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeviceEventPublisher publisher = new DeviceEventPublisher(kafka, new IngestMetrics(registry));

    @Test
    void eventIsKeyedByDeviceAndConfirmedOnlyWhenKafkaConfirms() {
        // given
        DeviceEvent event = event("STB-1");

        // when
        CompletableFuture<Void> confirmed = publisher.publish(event).toCompletableFuture();

        // then
        assertThat(confirmed).isNotDone();
        ProducerRecord<String, byte[]> sent = kafka.history().get(0);
        assertThat(sent.topic()).isEqualTo(Topics.DEVICE_TELEMETRY);
        assertThat(sent.key()).isEqualTo("STB-1");
        assertThat(EventCodec.decode(sent.value(), DeviceEvent.class))
                .isEqualTo(new DeviceClock(DeviceClock.DEFAULT_TOLERANCE).check(event));

        kafka.completeNext();
        assertThat(confirmed).isCompleted();
        assertThat(registry.counter("gateway.messages.forwarded", "protocol", "mqtt").count()).isEqualTo(1.0);
        assertThat(registry.timer("gateway.kafka.send").count()).isEqualTo(1);
    }

    @Test
    void kafkaErrorFailsTheStageAndCountsAFailureNotAForward() {
        // given
        CompletableFuture<Void> confirmed = publisher.publish(event("STB-1")).toCompletableFuture();

        // when
        kafka.errorNext(new TimeoutException("expired"));

        // then
        assertThat(confirmed).isCompletedExceptionally();
        assertThat(registry.counter("gateway.kafka.send.failures", "protocol", "mqtt").count()).isEqualTo(1.0);
        assertThat(registry.counter("gateway.messages.forwarded", "protocol", "mqtt").count()).isZero();
    }

    @Test
    void closedProducerFailsTheStageInsteadOfThrowing() {
        // given
        kafka.close();

        // when
        CompletableFuture<Void> confirmed = publisher.publish(event("STB-1")).toCompletableFuture();

        // then
        assertThat(confirmed).isCompletedExceptionally();
    }

    @Test
    void aDeviceClockWithinTheToleranceGivesTheEventTimeAndIsKeptAsReported() {
        // when
        publisher.publish(event("STB-1"));

        // then
        DeviceEvent sent = EventCodec.decode(kafka.history().get(0).value(), DeviceEvent.class);
        assertThat(sent.deviceTs()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(sent.reportedTs()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(sent.clockSkewed()).isFalse();
        assertThat(registry.counter("gateway.clock.skewed", "protocol", "mqtt").count()).isZero();
    }

    @Test
    void aDeviceClockBackIn1970GetsTheReceiveTimeAsEventTimeAndIsCounted() {
        // given
        Instant received = Instant.parse("2026-12-08T01:00:00Z");
        DeviceEvent event = new DeviceEvent("6f1c0c57-0000-3000-8000-000000000002", "STB-1970", DeviceType.SET_TOP_BOX,
                "STB-4K-200", Protocol.MQTT, EventKind.METRICS, Instant.EPOCH, received, Map.of("cpu_temp_c", 61.5),
                null, null);

        // when
        publisher.publish(event);
        publisher.publish(event);

        // then
        DeviceEvent sent = EventCodec.decode(kafka.history().get(0).value(), DeviceEvent.class);
        assertThat(sent.deviceTs()).isEqualTo(received);
        assertThat(sent.reportedTs()).isEqualTo(Instant.EPOCH);
        assertThat(sent.clockSkewed()).isTrue();
        assertThat(registry.counter("gateway.clock.skewed", "protocol", "mqtt").count()).isEqualTo(2.0);
    }

    @Test
    void theToleranceComesFromTheClockCheck() {
        // given a check that allows 10 minutes, and a device 6 minutes ahead
        IngestMetrics metrics = new IngestMetrics(registry);
        DeviceEventPublisher lenient = new DeviceEventPublisher(kafka, metrics, null,
                new DeviceClockCheck(new DeviceClock(Duration.ofMinutes(10)), metrics), false);
        Instant received = Instant.parse("2026-12-08T01:00:00Z");
        DeviceEvent event = new DeviceEvent("6f1c0c57-0000-3000-8000-000000000003", "STB-1", DeviceType.SET_TOP_BOX,
                null, Protocol.MQTT, EventKind.METRICS, received.plusSeconds(360), received, Map.of(), null, null);

        // when
        lenient.publish(event);
        publisher.publish(event);

        // then
        assertThat(EventCodec.decode(kafka.history().get(0).value(), DeviceEvent.class).clockSkewed()).isFalse();
        assertThat(EventCodec.decode(kafka.history().get(1).value(), DeviceEvent.class).clockSkewed()).isTrue();
    }

    private static DeviceEvent event(String deviceId) {
        Instant ts = Instant.parse("2026-11-24T10:00:00Z");
        return new DeviceEvent("6f1c0c57-0000-3000-8000-000000000001", deviceId, DeviceType.SET_TOP_BOX, "STB-4K-200",
                Protocol.MQTT, EventKind.METRICS, ts, ts.plusMillis(40), Map.of("cpu_temp_c", 61.5), null, null);
    }
}
