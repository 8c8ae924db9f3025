package io.fleetcare.stream.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.stream.rules.HealthRulesFile;
import io.fleetcare.stream.testing.Telemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;

/** The job's watermark strategy: device time, bounded out-of-orderness and idle source splits. */
class DeviceHealthWatermarksTest {

    private final DeviceHealthConfig config = DeviceHealthConfig.of(HealthRulesFile.loadDefault());
    private final ManualClock clock = new ManualClock(Duration.ofHours(1).toNanos());
    private final RecordedOutput output = new RecordedOutput();

    @Test
    void followsTheNewestDeviceTimeLessTheAllowedOutOfOrderness() {
        // given
        WatermarkGenerator<DeviceEvent> generator = generator();
        DeviceEvent newest = Telemetry.stbCpuTemp("STB-0001", 60, 50);

        // when: the newest reading arrives before an older one
        generator.onEvent(newest, timestamp(newest), output);
        DeviceEvent older = Telemetry.stbCpuTemp("STB-0002", 30, 50);
        generator.onEvent(older, timestamp(older), output);
        generator.onPeriodicEmit(output);

        // then
        assertThat(output.watermarks).containsExactly(timestamp(newest) - Duration.ofSeconds(10).toMillis() - 1);
    }

    @Test
    void marksASplitIdleOnceItSentNothingForTheIdlenessPeriodAndActiveWithItsNextEvent() {
        // given: a split that sent one reading
        WatermarkGenerator<DeviceEvent> generator = generator();
        DeviceEvent reading = Telemetry.stbCpuTemp("STB-0001", 0, 50);
        generator.onEvent(reading, timestamp(reading), output);
        generator.onPeriodicEmit(output);

        // when: just under a minute passes without data (the first check without data starts the clock)
        generator.onPeriodicEmit(output);
        clock.advanceTime(config.sourceIdleness().minusMillis(1));
        generator.onPeriodicEmit(output);

        // then: still active
        assertThat(output.idle).isFalse();

        // when: the minute is over
        clock.advanceTime(Duration.ofMillis(2));
        generator.onPeriodicEmit(output);

        // then: idle, so it no longer holds back the watermark of the other splits
        assertThat(output.idle).isTrue();

        // when: the split sends again
        DeviceEvent next = Telemetry.stbCpuTemp("STB-0001", 120, 50);
        generator.onEvent(next, timestamp(next), output);
        generator.onPeriodicEmit(output);

        // then
        assertThat(output.idle).isFalse();
    }

    @Test
    void aDeviceClockOffByMoreThanTheToleranceGivesTheReceiveTime() {
        // given a box whose clock is back in 1970
        DeviceEvent reading = Telemetry.stbCpuTemp("STB-1970", 0, 50);
        DeviceEvent in1970 = new DeviceEvent(reading.eventId(), reading.deviceId(), reading.deviceType(),
                reading.model(), reading.protocol(), reading.kind(), Instant.EPOCH, reading.receivedTs(),
                reading.metrics(), null, null);

        // then
        assertThat(timestamp(in1970)).isEqualTo(reading.receivedTs().toEpochMilli());
        assertThat(timestamp(reading)).isEqualTo(reading.deviceTs().toEpochMilli());
    }

    @Test
    void noTimestampMovesTheWatermarkBeyondTheWallClockPlusTheTolerance() {
        // given a wall clock at T0 + 1 min, and an event (of a gateway with a wrong clock too) 4 years ahead
        long wall = Telemetry.T0.plusSeconds(60).toEpochMilli();
        WatermarkGenerator<DeviceEvent> generator = generator(() -> wall);
        Instant future = Telemetry.T0.plus(Duration.ofDays(4 * 365));
        DeviceEvent ahead = new DeviceEvent("e-future", "STB-FUTURE", DeviceType.SET_TOP_BOX, null, Protocol.MQTT,
                EventKind.METRICS, future, future, Map.of(), null, null);

        // when
        generator.onEvent(ahead, timestamp(ahead), output);
        generator.onPeriodicEmit(output);

        // then: at most wall clock + 5 min, less the out-of-orderness
        assertThat(output.watermarks).containsExactly(
                wall + Duration.ofMinutes(5).toMillis() - Duration.ofSeconds(10).toMillis() - 1);
    }

    private WatermarkGenerator<DeviceEvent> generator() {
        return generator(WallClockCappedWatermarks.WallClock.SYSTEM);
    }

    private WatermarkGenerator<DeviceEvent> generator(WallClockCappedWatermarks.WallClock wallClock) {
        WatermarkStrategy<DeviceEvent> strategy = DeviceHealthJob.watermarks(config, wallClock);
        return strategy.createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {
            @Override
            public MetricGroup getMetricGroup() {
                return new UnregisteredMetricsGroup();
            }

            @Override
            public RelativeClock getInputActivityClock() {
                return clock;
            }
        });
    }

    private long timestamp(DeviceEvent event) {
        return DeviceHealthJob.watermarks(config).createTimestampAssigner(null).extractTimestamp(event, Long.MIN_VALUE);
    }

    private static final class RecordedOutput implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }
}
