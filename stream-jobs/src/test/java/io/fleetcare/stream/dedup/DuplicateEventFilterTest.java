package io.fleetcare.stream.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.stream.testing.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class DuplicateEventFilterTest {

    @Test
    void passesEachEventIdOncePerDevice() throws Exception {
        // given
        DeviceEvent first = Telemetry.stbCpuTemp("STB-0001", 0, 60);
        DeviceEvent second = Telemetry.stbCpuTemp("STB-0001", 10, 61);
        DeviceEvent otherDevice = Telemetry.stbCpuTemp("STB-0002", 0, 60);

        try (var filter = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DuplicateEventFilter(Duration.ofHours(1))),
                DeviceEvent::deviceId, Types.STRING)) {
            filter.open();

            // when: the first event is redelivered, before and after another one
            for (DeviceEvent e : new DeviceEvent[] {first, first, second, first, otherDevice, second}) {
                filter.processElement(e, e.deviceTs().toEpochMilli());
            }

            // then
            assertThat(filter.extractOutputValues()).containsExactly(first, second, otherDevice);
        }
    }

    @Test
    void forgetsAnEventIdOnceTheRetentionHasPassed() throws Exception {
        // given
        DeviceEvent event = Telemetry.stbCpuTemp("STB-0001", 0, 60);
        try (var filter = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DuplicateEventFilter(Duration.ofHours(1))),
                DeviceEvent::deviceId, Types.STRING)) {
            filter.open();
            filter.setProcessingTime(0);
            filter.processElement(event, 0);

            // when: redelivered just before and then at the end of the retention (the filter's clock is the
            // processing time of its timer service)
            filter.setProcessingTime(Duration.ofHours(1).toMillis() - 1);
            filter.processElement(event, 0);
            filter.setProcessingTime(Duration.ofHours(1).toMillis());
            filter.processElement(event, 0);

            // then: the id is remembered for the retention only, so the state of a device stays bounded
            assertThat(filter.extractOutputValues()).containsExactly(event, event);
        }
    }

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void dropsEveryRedeliveryAndNoDistinctEventAmongManyIdsOfOneDevice() throws Exception {
        // given: 5,000 distinct ids of one device, 5,000 more that share the high or the low 64 bits with one of
        // them, and a redelivery of every one of them, interleaved
        SplittableRandom random = new SplittableRandom(7);
        List<DeviceEvent> distinct = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            distinct.add(event("STB-0001", id.toString()));
            UUID twin = i % 2 == 0 ? new UUID(id.getMostSignificantBits(), ~id.getLeastSignificantBits())
                    : new UUID(~id.getMostSignificantBits(), id.getLeastSignificantBits());
            distinct.add(event("STB-0001", twin.toString()));
        }
        try (var filter = harness(new DuplicateEventFilter(HOUR))) {
            filter.open();

            // when
            for (int i = 0; i < distinct.size(); i++) {
                filter.setProcessingTime(i);
                filter.processElement(distinct.get(i), 0);
                if (i >= 100) {
                    filter.processElement(distinct.get(i - 100), 0);
                }
            }
            for (DeviceEvent e : distinct) {
                filter.processElement(e, 0);
            }

            // then
            assertThat(filter.extractOutputValues()).containsExactlyElementsOf(distinct);
        }
    }

    @Test
    void dropsRedeliveriesOfIdsThatAreNotUuidsExactlyLikeOthers() throws Exception {
        // given: ids of another form (upper case is not the canonical form of a UUID, so it is another id)
        DeviceEvent plain = event("STB-0001", "evt-1");
        DeviceEvent upper = event("STB-0001", "123E4567-E89B-12D3-A456-426614174000");
        DeviceEvent lower = event("STB-0001", "123e4567-e89b-12d3-a456-426614174000");
        try (var filter = harness(new DuplicateEventFilter(HOUR))) {
            filter.open();

            // when
            for (DeviceEvent e : List.of(plain, upper, lower, plain, upper, lower)) {
                filter.processElement(e, 0);
            }
            // after the retention (the map of such ids expires by its TTL clock, the ring by processing time)
            filter.setProcessingTime(HOUR.toMillis());
            filter.setStateTtlProcessingTime(HOUR.toMillis());
            filter.processElement(plain, 0);
            filter.processElement(lower, 0);

            // then
            assertThat(filter.extractOutputValues()).containsExactly(plain, upper, lower, plain, lower);
        }
    }

    @Test
    void keepsWhatItRemembersAcrossARestoreFromACheckpoint() throws Exception {
        // given: two devices' events, checkpointed
        DeviceEvent first = Telemetry.stbCpuTemp("STB-0001", 0, 60);
        DeviceEvent second = Telemetry.stbCpuTemp("STB-0001", 10, 61);
        DeviceEvent other = Telemetry.stbCpuTemp("STB-0002", 0, 60);
        DeviceEvent plain = event("STB-0002", "evt-1");
        OperatorSubtaskState checkpoint;
        try (var filter = harness(new DuplicateEventFilter(HOUR))) {
            filter.open();
            filter.setProcessingTime(1_000);
            for (DeviceEvent e : List.of(first, other, plain)) {
                filter.processElement(e, 0);
            }
            checkpoint = filter.snapshot(1, 1_000);
        }

        // when: a new filter starts from the checkpoint and gets redeliveries, a new event, and later the same again
        try (var restored = harness(new DuplicateEventFilter(HOUR))) {
            restored.initializeState(checkpoint);
            restored.open();
            restored.setProcessingTime(2_000);
            for (DeviceEvent e : List.of(first, other, plain, second, second)) {
                restored.processElement(e, 0);
            }
            restored.setProcessingTime(1_000 + HOUR.toMillis());
            restored.setStateTtlProcessingTime(1_000 + HOUR.toMillis());
            for (DeviceEvent e : List.of(first, second, other, plain)) {
                restored.processElement(e, 0);
            }

            // then: redeliveries within the hour dropped, each id forgotten an hour after it was first seen
            assertThat(restored.extractOutputValues()).containsExactly(second, first, other, plain);
        }
    }

    @Test
    void keepsTheIdsOfACheckpointOfTheMapOnlyFilter() throws Exception {
        // given: a checkpoint of the filter as it was before the ring (state seen-event-ids only)
        DeviceEvent first = Telemetry.stbCpuTemp("STB-0001", 0, 60);
        DeviceEvent second = Telemetry.stbCpuTemp("STB-0001", 10, 61);
        OperatorSubtaskState checkpoint;
        try (var former = harness(new MapStateDuplicateEventFilter(HOUR))) {
            former.open();
            former.setStateTtlProcessingTime(0);
            former.processElement(first, 0);
            checkpoint = former.snapshot(1, 0);
        }

        // when
        try (var restored = harness(new DuplicateEventFilter(HOUR))) {
            restored.initializeState(checkpoint);
            restored.open();
            restored.setProcessingTime(10);
            restored.setStateTtlProcessingTime(10);
            for (DeviceEvent e : List.of(first, second, second)) {
                restored.processElement(e, 0);
            }

            // then: the id remembered before the upgrade still counts
            assertThat(restored.extractOutputValues()).containsExactly(second);
        }
    }

    @Test
    void leavesNoStateOrTimerOfADeviceThatFellSilent() throws Exception {
        // given
        try (var filter = harness(new DuplicateEventFilter(HOUR))) {
            filter.open();
            filter.setProcessingTime(0);
            filter.processElement(Telemetry.stbCpuTemp("STB-0001", 0, 60), 0);
            filter.processElement(event("STB-0001", "evt-1"), 0);
            filter.setProcessingTime(HOUR.toMillis() / 2);
            filter.processElement(Telemetry.stbCpuTemp("STB-0001", 30, 60), 0);
            assertThat(filter.numKeyedStateEntries()).isEqualTo(2);
            assertThat(filter.numProcessingTimeTimers()).isEqualTo(1);

            // when: an hour after its first event, then an hour after its last
            filter.setProcessingTime(HOUR.toMillis());
            filter.setStateTtlProcessingTime(HOUR.toMillis());

            // then: only what is younger than an hour is left, with one timer for it
            assertThat(filter.numKeyedStateEntries()).isEqualTo(1);
            assertThat(filter.numProcessingTimeTimers()).isEqualTo(1);
            filter.setProcessingTime(HOUR.toMillis() * 3 / 2);
            assertThat(filter.numKeyedStateEntries()).isZero();
            assertThat(filter.numProcessingTimeTimers()).isZero();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, DeviceEvent, DeviceEvent> harness(
            KeyedProcessFunction<String, DeviceEvent, DeviceEvent> function) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(function),
                DeviceEvent::deviceId, Types.STRING);
    }

    private static DeviceEvent event(String deviceId, String eventId) {
        return new DeviceEvent(eventId, deviceId, DeviceType.SET_TOP_BOX, Telemetry.STB_MODEL, Protocol.MQTT,
                EventKind.METRICS, Telemetry.T0, Telemetry.T0, Map.of("cpu_pct", 10.0), null, null);
    }
}
