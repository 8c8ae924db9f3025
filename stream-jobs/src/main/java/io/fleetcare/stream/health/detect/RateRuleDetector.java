package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.stream.rules.RateRule;
import io.fleetcare.stream.rules.ThresholdRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Raises an alert when a device reports something too often: more than {@link RateRule#moreThan()}
 * occurrences within a sliding window of {@link RateRule#within()} device time (e.g. more than 3
 * reboots in 24 h). Keyed by device id, in event time.
 *
 * <p>Each occurrence is kept until the watermark passes its time plus the window length; an
 * event-time timer registered for that moment drops it, so the state holds only what is still in
 * the window and a device that stopped reporting ends with no state and no timers. A raised alert
 * clears when, as the window slides, it holds no more than {@link RateRule#clearAtOrBelow()}
 * occurrences (alert time = the watermark time at which that happened); a new occurrence while
 * raised changes nothing, so there is no flapping around the limit.
 *
 * <p>Raising emits an {@link Alert.State#RAISED} alert whose episode starts with the first
 * occurrence of the window that went over the limit and, when the rule asks for it, a corrective
 * {@link MaintenanceRequest}; both carry the window's occurrences as evidence. Out-of-order
 * occurrences are placed in time order and counted for every window they fall into; one whose
 * window the watermark has already passed is ignored.
 */
public class RateRuleDetector extends KeyedProcessFunction<String, DeviceEvent, Alert> {

    private static final long serialVersionUID = 1L;

    private final List<RateRule> rules;

    private transient MapState<String, RateWindow> windows;

    /** @param rules the rate rules; never null */
    public RateRuleDetector(List<RateRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public void open(OpenContext openContext) {
        windows = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "rate-windows", Types.STRING, TypeInformation.of(RateWindow.class)));
    }

    @Override
    public void processElement(DeviceEvent event, Context ctx, Collector<Alert> out) throws Exception {
        for (RateRule rule : rules) {
            if (rule.appliesTo(event.deviceType(), event.model()) && rule.counts(event)) {
                count(rule, event, ctx, out);
            }
        }
    }

    private void count(RateRule rule, DeviceEvent event, Context ctx, Collector<Alert> out) throws Exception {
        Instant ts = event.deviceTs();
        long expiry = ts.plus(rule.within()).toEpochMilli();
        if (expiry <= ctx.timerService().currentWatermark()) {
            return;
        }
        RateWindow window = windows.get(rule.id());
        List<Evidence> occurrences = new ArrayList<>(window == null ? List.of() : window.occurrences());
        occurrences.add(Evidence.text(ts, "event", describe(event)));
        occurrences.sort(Comparator.comparing(Evidence::ts));
        Instant episodeStart = window == null ? null : window.episodeStart();

        if (episodeStart == null) {
            List<Evidence> over = firstWindowOverLimit(rule, occurrences, ts);
            if (over != null) {
                episodeStart = over.get(0).ts();
                Alert alert = raised(rule, event, over);
                out.collect(alert);
                if (rule.maintenance()) {
                    ctx.output(DetectorOutputs.MAINTENANCE_REQUESTS, request(rule, event, over, alert));
                }
            }
        }
        windows.put(rule.id(), new RateWindow(event.deviceType(), event.model(), occurrences, episodeStart));
        ctx.timerService().registerEventTimeTimer(expiry);
    }

    /** The occurrences of the first window containing {@code ts} that holds more than the limit, or null. */
    private static List<Evidence> firstWindowOverLimit(RateRule rule, List<Evidence> occurrences, Instant ts) {
        Instant lastEnd = ts.plus(rule.within());
        for (Evidence end : occurrences) {
            if (end.ts().isBefore(ts) || !end.ts().isBefore(lastEnd)) {
                continue;
            }
            Instant from = end.ts().minus(rule.within());
            List<Evidence> inWindow = occurrences.stream()
                    .filter(o -> o.ts().isAfter(from) && !o.ts().isAfter(end.ts()))
                    .toList();
            if (inWindow.size() > rule.moreThan()) {
                return inWindow;
            }
        }
        return null;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        for (RateRule rule : rules) {
            RateWindow window = windows.get(rule.id());
            if (window == null) {
                continue;
            }
            List<Evidence> remaining = window.occurrences().stream()
                    .filter(o -> o.ts().plus(rule.within()).toEpochMilli() > timestamp)
                    .toList();
            Instant episodeStart = window.episodeStart();
            if (episodeStart != null && remaining.size() <= rule.clearAtOrBelow()) {
                out.collect(cleared(rule, ctx.getCurrentKey(), window, Instant.ofEpochMilli(timestamp), remaining));
                episodeStart = null;
            }
            if (remaining.isEmpty() && episodeStart == null) {
                windows.remove(rule.id());
            } else if (remaining.size() != window.occurrences().size() || episodeStart != window.episodeStart()) {
                windows.put(rule.id(), new RateWindow(window.deviceType(), window.model(), remaining, episodeStart));
            }
        }
    }

    private static String describe(DeviceEvent event) {
        if (event.event() != null) {
            StringBuilder s = new StringBuilder(event.event().name());
            if (event.event().reason() != null) {
                s.append(" reason=").append(event.event().reason());
            }
            if (event.event().code() != null) {
                s.append(" code=").append(event.event().code());
            }
            return s.toString();
        }
        if (event.status() != null) {
            return "connector " + event.status().connector() + " " + event.status().state() + "/"
                    + event.status().errorCode();
        }
        return event.kind().name();
    }

    private static Alert raised(RateRule rule, DeviceEvent event, List<Evidence> window) {
        Instant start = window.get(0).ts();
        Instant at = window.get(window.size() - 1).ts();
        String message = window.size() + " " + rule.occurrence() + " within "
                + ThresholdRule.duration(Duration.between(start, at))
                + " (" + rule.raiseCondition() + ")";
        return new Alert(EpisodeIds.alertId(event.deviceId(), rule.id(), start),
                event.deviceId(), event.deviceType(), event.model(), rule.id(), rule.severity(),
                Alert.State.RAISED, start, at, message, window);
    }

    private static MaintenanceRequest request(RateRule rule, DeviceEvent event, List<Evidence> window, Alert alert) {
        Instant start = window.get(0).ts();
        String problem = "The device reported " + rule.raiseCondition() + " (rule " + rule.id() + ")"
                + (rule.description().isBlank() ? "" : ": " + rule.description());
        return new MaintenanceRequest(EpisodeIds.requestId(event.deviceId(), rule.id(), start),
                event.deviceId(), event.deviceType(), event.model(), rule.id(), MaintenanceRequest.Kind.CORRECTIVE,
                rule.severity(), problem, alert.ts(), null, alert.alertId(), window);
    }

    private Alert cleared(RateRule rule, String deviceId, RateWindow window, Instant at, List<Evidence> remaining) {
        String message = remaining.size() + " " + rule.occurrence() + " within the last "
                + ThresholdRule.duration(rule.within());
        Evidence last = window.occurrences().get(window.occurrences().size() - 1);
        return new Alert(EpisodeIds.alertId(deviceId, rule.id(), window.episodeStart()),
                deviceId, window.deviceType(), window.model(), rule.id(), rule.severity(), Alert.State.CLEARED, window.episodeStart(), at,
                message, remaining.isEmpty() ? List.of(last) : remaining);
    }
}
