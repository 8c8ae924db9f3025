package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceClock;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One diagnostic alert per device whose clock is wrong: the first event marked {@link DeviceEvent#clockSkewed()}
 * raises {@value #RULE_ID} ({@link Severity#WARNING}, message e.g. {@code "clock off by 4 years (ahead of the receive
 * time)"}), the first event whose reported time lies within the tolerance again clears it. Further skewed events
 * change nothing; events without a reported time (the device sent none) say nothing about its clock. No maintenance
 * request: a wrong clock is not a repair, and the events still count, stamped with their receive time.
 *
 * <p>Input is the job's stream after the clock check, so the event time of a skewed event is its receive time: the
 * episode start (and so the alert id) is the receive time of the first skewed event, deterministic for the same
 * telemetry. State: the episode start of a device whose clock is off, nothing for the others; no timers, no TTL (an
 * open alert must not vanish silently).
 */
public class ClockSkewDetector extends KeyedProcessFunction<String, DeviceEvent, Alert> {

    /** The rule id of the alert; not in the rules file, the check's tolerance is a job option. */
    public static final String RULE_ID = "device.clock-skew";

    private static final long serialVersionUID = 1L;
    private static final String OFFSET_METRIC = "clock.offset_s";

    private transient ValueState<Long> openSince;

    @Override
    public void open(OpenContext openContext) {
        openSince = getRuntimeContext().getState(new ValueStateDescriptor<>("clock-skew-since", Types.LONG));
    }

    @Override
    public void processElement(DeviceEvent event, Context ctx, Collector<Alert> out) throws Exception {
        Duration offset = DeviceClock.offset(event);
        if (offset == null) {
            return;
        }
        Long since = openSince.value();
        if (event.clockSkewed() && since == null) {
            openSince.update(event.deviceTs().toEpochMilli());
            String message = "clock off by " + size(offset) + (offset.isNegative() ? " (behind" : " (ahead of")
                    + " the receive time); event times are receive times until it is right again (device reported "
                    + event.reportedTs() + ")";
            out.collect(alert(event, event.deviceTs(), Alert.State.RAISED, message, offset));
        } else if (!event.clockSkewed() && since != null) {
            openSince.clear();
            out.collect(alert(event, Instant.ofEpochMilli(since), Alert.State.CLEARED,
                    "clock right again (off by " + offset.toSeconds() + " s)", offset));
        }
    }

    /** "4 years" of "4 years ahead". */
    private static String size(Duration offset) {
        String described = DeviceClock.describe(offset);
        return described.substring(0, described.lastIndexOf(' '));
    }

    private static Alert alert(DeviceEvent event, Instant episodeStart, Alert.State state, String message,
            Duration offset) {
        return new Alert(EpisodeIds.alertId(event.deviceId(), RULE_ID, episodeStart), event.deviceId(),
                event.deviceType(), event.model(), RULE_ID, Severity.WARNING, state, episodeStart, event.deviceTs(),
                message, List.of(Evidence.reading(event.deviceTs(), OFFSET_METRIC, offset.toSeconds())));
    }
}
