package io.fleetcare.stream.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.stream.testing.Telemetry;
import java.time.Duration;
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
            filter.setStateTtlProcessingTime(0);
            filter.processElement(event, 0);

            // when: redelivered just before and then at the end of the retention
            filter.setStateTtlProcessingTime(Duration.ofHours(1).toMillis() - 1);
            filter.processElement(event, 0);
            filter.setStateTtlProcessingTime(Duration.ofHours(1).toMillis());
            filter.processElement(event, 0);

            // then: the id is remembered for the retention only, so the state of a device stays bounded
            assertThat(filter.extractOutputValues()).containsExactly(event, event);
        }
    }
}
