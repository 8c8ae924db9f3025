package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Evidence;
import io.fleetcare.stream.rules.OfflineRule;
import io.fleetcare.stream.rules.ThresholdRule;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reports a device {@code OFFLINE} when nothing at all has been heard from it for its rule's
 * allowed silence ({@link OfflineRule#allowedSilence()}), and clears the alert with the next message.
 * Keyed by device id; a device is watched by the rule that names its model, else by the rule for
 * its whole type, else not at all.
 *
 * <p>Silence is measured in <b>processing time</b>. Event-time timers fire only when the watermark
 * moves, and the watermark moves only when some device sends: when a whole site or the whole
 * fleet goes silent (a network or gateway outage, exactly what this detector is for) every
 * source split turns idle and an event-time timer would never fire. A processing-time timer fires
 * on the wall clock of the job, whatever the input does. The price: the detector judges arrival,
 * not device time, so a backlog replayed after a job outage can look like silence; ids stay
 * deterministic because they derive from the device time of the last message.
 *
 * <p>Each message deletes the device's pending timer and registers one at now + allowed silence,
 * so a device has at most one timer. When it fires, the device is reported offline
 * ({@link Alert.State#RAISED}, episode start = device time of the last message, alert time =
 * that plus the allowed silence) and no timer remains until the device is heard again; the next
 * message of any kind clears the alert, except a {@code CONNECTION} {@code DISCONNECTED}, which the
 * gateway writes when the connection closes: it is news about the device, not from it, and neither
 * keeps the device online nor brings it back. Late (out-of-order) messages count as signs of life
 * like any other. The state is one small value per watched device; no maintenance request is opened
 * (a set-top box switched off at the wall is offline too).
 */
public class HeartbeatLossDetector extends KeyedProcessFunction<String, DeviceEvent, Alert> {

    private static final long serialVersionUID = 1L;
    private static final String DISCONNECTED = "DISCONNECTED";

    private final List<OfflineRule> rules;

    private transient ValueState<Liveness> liveness;

    /** @param rules the offline rules, at most one per device (see the class comment); never null */
    public HeartbeatLossDetector(List<OfflineRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public void open(OpenContext openContext) {
        liveness = getRuntimeContext().getState(
                new ValueStateDescriptor<>("liveness", TypeInformation.of(Liveness.class)));
    }

    @Override
    public void processElement(DeviceEvent event, Context ctx, Collector<Alert> out) throws Exception {
        OfflineRule rule = ruleFor(event.deviceType(), event.model());
        if (rule == null || isDisconnect(event)) {
            return;
        }
        Liveness previous = liveness.value();
        Instant lastMessage = event.deviceTs();
        if (previous != null) {
            if (previous.offline()) {
                out.collect(cleared(rule, event, previous));
            } else {
                ctx.timerService().deleteProcessingTimeTimer(previous.deadline());
            }
            if (previous.lastMessage().isAfter(lastMessage)) {
                lastMessage = previous.lastMessage();
            }
        }
        long deadline = ctx.timerService().currentProcessingTime() + rule.allowedSilence().toMillis();
        ctx.timerService().registerProcessingTimeTimer(deadline);
        liveness.update(new Liveness(rule.id(), event.deviceType(), event.model(), lastMessage,
                kindOf(event), deadline, false));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        Liveness device = liveness.value();
        if (device == null || device.offline() || device.deadline() != timestamp) {
            return;
        }
        OfflineRule rule = rules.stream().filter(r -> r.id().equals(device.ruleId())).findFirst().orElse(null);
        if (rule == null) {
            liveness.clear();
            return;
        }
        out.collect(raised(rule, ctx.getCurrentKey(), device));
        liveness.update(new Liveness(device.ruleId(), device.deviceType(), device.model(), device.lastMessage(),
                device.lastKind(), device.deadline(), true));
    }

    private OfflineRule ruleFor(DeviceType type, String model) {
        OfflineRule typeWide = null;
        for (OfflineRule rule : rules) {
            if (rule.scope().deviceType() != type) {
                continue;
            }
            if (rule.scope().models().contains(model)) {
                return rule;
            }
            if (rule.scope().models().isEmpty()) {
                typeWide = rule;
            }
        }
        return typeWide;
    }

    /** The gateway's note that the connection to the device closed: news about the device, not from it. */
    private static boolean isDisconnect(DeviceEvent event) {
        return event.kind() == EventKind.CONNECTION && event.event() != null
                && DISCONNECTED.equals(event.event().name());
    }

    private static String kindOf(DeviceEvent event) {
        return event.event() == null ? event.kind().name() : event.kind().name() + " " + event.event().name();
    }

    private static Alert raised(OfflineRule rule, String deviceId, Liveness device) {
        String message = "offline: nothing heard for " + ThresholdRule.duration(rule.allowedSilence()) + " ("
                + rule.missedIntervals() + " x the expected " + ThresholdRule.duration(rule.expectedInterval())
                + "); last message at " + device.lastMessage();
        return new Alert(EpisodeIds.alertId(deviceId, rule.id(), device.lastMessage()),
                deviceId, device.deviceType(), device.model(), rule.id(), rule.severity(), Alert.State.RAISED,
                device.lastMessage(), device.lastMessage().plus(rule.allowedSilence()), message,
                List.of(Evidence.text(device.lastMessage(), "last.message", device.lastKind())));
    }

    private static Alert cleared(OfflineRule rule, DeviceEvent event, Liveness device) {
        return new Alert(EpisodeIds.alertId(event.deviceId(), device.ruleId(), device.lastMessage()),
                event.deviceId(), event.deviceType(), event.model(), device.ruleId(), rule.severity(),
                Alert.State.CLEARED, device.lastMessage(), event.deviceTs(), "online again",
                List.of(Evidence.text(event.deviceTs(), "message", kindOf(event))));
    }
}
