package io.fleetcare.stream.dedup;

import io.fleetcare.events.DeviceEvent;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes each {@link DeviceEvent} on once: an event whose {@code eventId} this device already sent within the
 * retention period (processing time, counted from the first time the id was seen) is dropped; a distinct id is
 * never dropped. Keyed by device id.
 *
 * <p>State per device: the ids of the retention period as one {@link RecentIds} ring of {@code long}s (every id
 * the gateway writes is a UUID and is held as its exact 128 bits), plus one processing-time timer that drops the
 * ring once all of it has expired. Checkpointing a ring writes a few longs per id instead of a map entry with a TTL
 * stamp per id (the former {@code MapState} was 70 % of the job's CPU in the platform benchmark's profile: the
 * checks and puts 38 %, snapshotting it 32 %).
 *
 * <p>An id that is not a canonical UUID is kept exactly as before, in a {@code MapState} with per-entry TTL (the
 * state {@code seen-event-ids} of checkpoints taken before the ring existed, so their ids still count after a
 * restore): the device's ring notes until when that map may hold live ids, and the map is only read until then.
 */
public class DuplicateEventFilter extends KeyedProcessFunction<String, DeviceEvent, DeviceEvent> {

    private static final long serialVersionUID = 1L;

    private final Duration retention;

    private transient ValueState<RecentIds> recentIds;
    private transient MapState<String, Boolean> otherIds;

    /**
     * @param retention how long an event id is remembered; positive
     * @throws IllegalArgumentException when the retention is not positive
     */
    public DuplicateEventFilter(Duration retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("retention must be positive");
        }
    }

    @Override
    public void open(OpenContext openContext) {
        recentIds = getRuntimeContext().getState(
                new ValueStateDescriptor<>("recent-event-ids", RecentIds.Serializer.INSTANCE));
        MapStateDescriptor<String, Boolean> others =
                new MapStateDescriptor<>("seen-event-ids", Types.STRING, Types.BOOLEAN);
        others.enableTimeToLive(StateTtlConfig.newBuilder(retention)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .cleanupIncrementally(1, false)
                .cleanupFullSnapshot()
                .build());
        otherIds = getRuntimeContext().getMapState(others);
    }

    @Override
    public void processElement(DeviceEvent event, Context ctx, Collector<DeviceEvent> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        RecentIds ids = recentIds.value();
        if (ids == null) {
            ids = new RecentIds();
            if (!otherIds.isEmpty()) {
                // restored from a checkpoint of the map-only filter: its ids were all seen before now
                ids.othersUntil(now + retention.toMillis());
            }
            ctx.timerService().registerProcessingTimeTimer(now + retention.toMillis());
        } else {
            forgetExpired(ids, now);
        }
        long[] bits = RecentIds.uuidBits(event.eventId());
        boolean seen = bits != null && ids.contains(bits[0], bits[1])
                || ids.othersUntil() > now && otherIds.contains(event.eventId());
        if (seen) {
            return;
        }
        if (bits != null) {
            ids.add(bits[0], bits[1], now);
        } else {
            otherIds.put(event.eventId(), Boolean.TRUE);
            ids.othersUntil(now + retention.toMillis());
        }
        recentIds.update(ids);
        out.collect(event);
    }

    /** Drops what has expired; the whole state of a device once nothing is left, else looks again later. */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeviceEvent> out) throws Exception {
        RecentIds ids = recentIds.value();
        if (ids == null) {
            return;
        }
        long now = ctx.timerService().currentProcessingTime();
        forgetExpired(ids, now);
        if (ids.othersUntil() != Long.MIN_VALUE && ids.othersUntil() <= now) {
            otherIds.clear();
            ids.othersUntil(Long.MIN_VALUE);
        }
        if (ids.isEmptyAt(now)) {
            recentIds.clear();
            return;
        }
        recentIds.update(ids);
        long next = Math.max(ids.newestSeenAt() == Long.MIN_VALUE ? Long.MIN_VALUE
                : ids.newestSeenAt() + retention.toMillis(), ids.othersUntil());
        ctx.timerService().registerProcessingTimeTimer(Math.max(next, now + 1));
    }

    /** Forgets the ids seen a retention or longer before {@code now} (none while {@code now} is that close to Long.MIN_VALUE). */
    private void forgetExpired(RecentIds ids, long now) {
        long retentionMillis = retention.toMillis();
        if (now >= Long.MIN_VALUE + retentionMillis) {
            ids.forgetSeenAtOrBefore(now - retentionMillis);
        }
    }
}
