package io.fleetcare.stream.dedup;

import io.fleetcare.events.DeviceEvent;
import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The duplicate filter as it was before {@link RecentIds} (kept for tests and the benchmark only): a test restores
 * its checkpoints into {@link DuplicateEventFilter}, the benchmark compares the two in one run.
 *
 * <p>Passes each {@link DeviceEvent} on once: an event whose {@code eventId} this device already sent
 * within the retention period is dropped. Keyed by device id; each remembered id expires on its
 * own after the retention (processing time), so the state of a device stays bounded by the
 * events it sends in that period. Expired ids are swept incrementally, one device per state access
 * (Flink's default of five made copying the id maps of other devices the single largest cost of
 * the whole job in the benchmark).
 */
public class MapStateDuplicateEventFilter extends KeyedProcessFunction<String, DeviceEvent, DeviceEvent> {

    private static final long serialVersionUID = 1L;

    private final Duration retention;

    private transient MapState<String, Boolean> seenEventIds;

    /**
     * @param retention how long an event id is remembered; positive
     * @throws IllegalArgumentException when the retention is not positive
     */
    public MapStateDuplicateEventFilter(Duration retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isZero() || retention.isNegative()) {
            throw new IllegalArgumentException("retention must be positive");
        }
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, Boolean> descriptor =
                new MapStateDescriptor<>("seen-event-ids", Types.STRING, Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .cleanupIncrementally(1, false)
                .build());
        seenEventIds = getRuntimeContext().getMapState(descriptor);
    }

    @Override
    public void processElement(DeviceEvent event, Context ctx, Collector<DeviceEvent> out) throws Exception {
        if (seenEventIds.contains(event.eventId())) {
            return;
        }
        seenEventIds.put(event.eventId(), Boolean.TRUE);
        out.collect(event);
    }
}
