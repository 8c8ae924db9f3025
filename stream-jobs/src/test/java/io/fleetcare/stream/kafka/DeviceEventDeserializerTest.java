package io.fleetcare.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Topics;
import io.fleetcare.stream.testing.Telemetry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeviceEventDeserializerTest {

    private final DeviceEventDeserializer deserializer = new DeviceEventDeserializer();
    private final List<DeviceEvent> out = new ArrayList<>();

    @Test
    void decodesADeviceEvent() {
        // given
        DeviceEvent event = Telemetry.stbCpuTemp("STB-0001", 0, 71.5);

        // when
        deserializer.deserialize(record("STB-0001", EventCodec.encode(event)), new ListCollector<>(out));

        // then
        assertThat(out).containsExactly(event);
        assertThat(deserializer.malformedRecords()).isZero();
    }

    @Test
    void skipsAndCountsRecordsThatAreNotDeviceEvents() {
        // given
        byte[] notJson = "cpu_temp_c=99".getBytes(StandardCharsets.UTF_8);
        byte[] missingDevice = """
                {"eventId":"e-1","deviceType":"SET_TOP_BOX","protocol":"MQTT","kind":"METRICS",
                 "receivedTs":"2026-11-24T10:00:00Z"}""".getBytes(StandardCharsets.UTF_8);
        byte[] unknownType = """
                {"eventId":"e-2","deviceId":"X","deviceType":"FRIDGE","protocol":"MQTT","kind":"METRICS",
                 "receivedTs":"2026-11-24T10:00:00Z"}""".getBytes(StandardCharsets.UTF_8);

        // when
        for (byte[] value : List.of(notJson, missingDevice, unknownType)) {
            deserializer.deserialize(record("STB-0001", value), new ListCollector<>(out));
        }
        deserializer.deserialize(record("STB-0001", EventCodec.encode(Telemetry.stbCpuTemp("STB-0001", 1, 60))),
                new ListCollector<>(out));

        // then
        assertThat(out).hasSize(1);
        assertThat(deserializer.malformedRecords()).isEqualTo(3);
    }

    @Test
    void skipsTombstonesWithoutCountingThemAsMalformed() {
        deserializer.deserialize(record("STB-0001", null), new ListCollector<>(out));

        assertThat(out).isEmpty();
        assertThat(deserializer.malformedRecords()).isZero();
    }

    private static ConsumerRecord<byte[], byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(Topics.DEVICE_TELEMETRY, 0, 42L, key.getBytes(StandardCharsets.UTF_8), value);
    }
}
