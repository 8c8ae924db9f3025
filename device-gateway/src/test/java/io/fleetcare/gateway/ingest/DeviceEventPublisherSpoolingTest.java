package io.fleetcare.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.events.DeviceClock;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceEventPublisherSpoolingTest {

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IngestMetrics metrics = new IngestMetrics(registry);
    private EventSpool spool;

    @AfterEach
    void closeSpool() {
        if (spool != null) {
            spool.close();
        }
    }

    @Test
    void eventKafkaTimesOutOnIsStoredInTheSpoolAndConfirmed() {
        // given
        MockProducer<String, byte[]> kafka = manualKafka();
        DeviceEventPublisher publisher = publisher(kafka, 4096);
        DeviceEvent event = event("STB-1", 1);
        CompletableFuture<Void> accepted = publisher.publish(event).toCompletableFuture();

        // when
        kafka.errorNext(new TimeoutException("expired after 5000 ms"));

        // then
        assertThat(accepted).isCompleted().isNotCompletedExceptionally();
        assertThat(publisher.isSpooling()).isTrue();
        assertThat(spool.read(10).records()).extracting(DeviceEventPublisherSpoolingTest::decode)
                .containsExactly(new DeviceClock(DeviceClock.DEFAULT_TOLERANCE).check(event));
        assertThat(registry.counter("gateway.spool.events.spooled", "protocol", "mqtt").count()).isEqualTo(1.0);
        assertThat(registry.get("gateway.spool.events").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void whileSpoolingNewEventsGoToTheSpoolBehindTheEarlierOnes() {
        // given
        MockProducer<String, byte[]> kafka = manualKafka();
        DeviceEventPublisher publisher = publisher(kafka, 4096);
        publisher.publish(event("STB-1", 1));
        kafka.errorNext(new TimeoutException("expired"));

        // when
        CompletableFuture<Void> next = publisher.publish(event("STB-1", 2)).toCompletableFuture();

        // then
        assertThat(next).isCompleted().isNotCompletedExceptionally();
        assertThat(kafka.history()).hasSize(1);
        assertThat(spool.read(10).records()).extracting(record -> decode(record).deviceTs())
                .containsExactly(event("STB-1", 1).deviceTs(), event("STB-1", 2).deviceTs());
    }

    @Test
    void drainSendsTheSpoolInOrderKeyedByDeviceThenSendsDirectlyAgain() {
        // given
        spool = EventSpool.open(dir, 4096);
        spool.append(EventCodec.encode(event("STB-1", 1)));
        spool.append(EventCodec.encode(event("STB-2", 2)));
        spool.append(EventCodec.encode(event("STB-1", 3)));
        MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        DeviceEventPublisher publisher = new DeviceEventPublisher(kafka, metrics, spool, false);
        assertThat(publisher.isSpooling()).isTrue();

        // when
        boolean empty = publisher.drain();

        // then
        assertThat(empty).isTrue();
        assertThat(kafka.history()).extracting(ProducerRecord::key).containsExactly("STB-1", "STB-2", "STB-1");
        assertThat(kafka.history()).extracting(record -> decode(record.value()).deviceTs())
                .containsExactly(event("STB-1", 1).deviceTs(), event("STB-2", 2).deviceTs(),
                        event("STB-1", 3).deviceTs());
        assertThat(spool.isEmpty()).isTrue();
        assertThat(publisher.isSpooling()).isFalse();
        assertThat(registry.counter("gateway.spool.events.drained", "protocol", "mqtt").count()).isEqualTo(3.0);
        publisher.publish(event("STB-1", 4));
        assertThat(kafka.history()).hasSize(4);
        assertThat(spool.isEmpty()).isTrue();
    }

    @Test
    void drainThatKafkaRefusesKeepsEverythingInTheSpool() throws Exception {
        // given
        spool = EventSpool.open(dir, 4096);
        spool.append(EventCodec.encode(event("STB-1", 1)));
        spool.append(EventCodec.encode(event("STB-1", 2)));
        MockProducer<String, byte[]> kafka = manualKafka();
        DeviceEventPublisher publisher = new DeviceEventPublisher(kafka, metrics, spool, false);
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(publisher::drain);
        await().atMost(Duration.ofSeconds(10)).until(() -> kafka.history().size() == 1);

        // when
        kafka.errorNext(new TimeoutException("expired"));

        // then
        assertThat(drained.get()).isFalse();
        assertThat(kafka.history()).as("the rest waits for the first").hasSize(1);
        assertThat(spool.pendingRecords()).isEqualTo(2);
        assertThat(publisher.isSpooling()).isTrue();
    }

    @Test
    void fullSpoolWhileKafkaIsUnreachableFailsTheStage() {
        // given
        spool = EventSpool.open(dir, EventCodec.encode(event("STB-1", 1)).length + 8);
        spool.append(EventCodec.encode(event("STB-1", 1)));
        DeviceEventPublisher publisher = new DeviceEventPublisher(manualKafka(), metrics, spool, false);

        // when
        CompletableFuture<Void> refused = publisher.publish(event("STB-1", 2)).toCompletableFuture();

        // then
        assertThat(refused).isCompletedExceptionally();
        assertThat(refused.handle((ok, failure) -> failure).join())
                .isInstanceOf(DeviceEventPublisher.SpoolFull.class);
        assertThat(spool.pendingRecords()).isEqualTo(1);
        assertThat(registry.counter("gateway.spool.events.refused", "protocol", "mqtt").count()).isEqualTo(1.0);
    }

    @Test
    void kafkaErrorThatARetryCannotCureIsNotSpooled() {
        // given
        MockProducer<String, byte[]> kafka = manualKafka();
        DeviceEventPublisher publisher = publisher(kafka, 4096);
        CompletableFuture<Void> confirmed = publisher.publish(event("STB-1", 1)).toCompletableFuture();

        // when
        kafka.errorNext(new RecordTooLargeException("too large"));

        // then
        assertThat(confirmed).isCompletedExceptionally();
        assertThat(spool.isEmpty()).isTrue();
        assertThat(publisher.isSpooling()).isFalse();
    }

    private DeviceEventPublisher publisher(MockProducer<String, byte[]> kafka, long maxBytes) {
        spool = EventSpool.open(dir, maxBytes);
        return new DeviceEventPublisher(kafka, metrics, spool, false);
    }

    private static MockProducer<String, byte[]> manualKafka() {
        return new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    }

    private static DeviceEvent decode(byte[] record) {
        return EventCodec.decode(record, DeviceEvent.class);
    }

    private static DeviceEvent event(String deviceId, int second) {
        Instant ts = Instant.parse("2026-11-24T10:00:00Z").plusSeconds(second);
        return new DeviceEvent(UUID.nameUUIDFromBytes((deviceId + second).getBytes()).toString(), deviceId,
                DeviceType.SET_TOP_BOX, "STB-4K-200", Protocol.MQTT, EventKind.METRICS, ts, ts.plusMillis(40),
                Map.of("cpu_temp_c", 61.5), null, null);
    }
}
