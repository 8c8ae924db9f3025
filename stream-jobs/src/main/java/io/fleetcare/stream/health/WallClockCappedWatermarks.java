package io.fleetcare.stream.health;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Wraps a watermark generator so that no event timestamp counts beyond the wall clock plus a tolerance: one device
 * (or gateway) with a clock years ahead cannot move the watermark of its source split, and with it the event time of
 * every other device on the same Kafka partition, into the future. The record keeps its own timestamp.
 */
final class WallClockCappedWatermarks<T> implements WatermarkGenerator<T> {

    /** The wall clock in epoch milliseconds; serializable because it travels inside the job graph. */
    @FunctionalInterface
    interface WallClock extends Serializable {

        WallClock SYSTEM = System::currentTimeMillis;

        long millis();
    }

    private final WatermarkGenerator<T> delegate;
    private final WallClock wallClock;
    private final long toleranceMillis;

    WallClockCappedWatermarks(WatermarkGenerator<T> delegate, WallClock wallClock, Duration tolerance) {
        this.delegate = delegate;
        this.wallClock = wallClock;
        this.toleranceMillis = tolerance.toMillis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        delegate.onEvent(event, Math.min(eventTimestamp, wallClock.millis() + toleranceMillis), output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        delegate.onPeriodicEmit(output);
    }
}
