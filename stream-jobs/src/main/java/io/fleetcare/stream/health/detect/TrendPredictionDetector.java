package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.stream.rules.ThresholdRule;
import io.fleetcare.stream.rules.TrendRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Predicts when a metric drifting towards a limit will reach it (e.g. free memory of a set-top box
 * falling towards 20 MB) and asks for preventive maintenance before it does. Keyed by device id, in
 * event time.
 *
 * <p>For every rule, the readings of the last {@link TrendRule#window()} of device time (counted
 * back from the newest reading) are fitted with a least-squares line after each reading. When the
 * fit has at least {@link TrendRule#minPoints()} readings and an R² of at least
 * {@link TrendRule#minR2()}, and the line reaches the limit no later than {@link TrendRule#horizon()}
 * after the newest reading, the detector emits one {@link Alert.State#RAISED} alert and one
 * {@link MaintenanceRequest.Kind#PREVENTIVE} request naming the predicted time; ids derive from
 * device, rule and the device time of the reading that raised. While the episode is open nothing
 * more is emitted; it clears as soon as a fit of at least {@code minPoints} readings no longer
 * reaches the limit within {@value #CLEAR_HORIZON_FACTOR} x the horizon (whatever its R²), or when
 * the window empties because the device stopped sending the metric. The wider clearing horizon is
 * the hysteresis: a projection that hovers around the horizon keeps one episode (and one request)
 * instead of clearing and raising a new one with every reading.
 *
 * <p>Out-of-order readings are placed in time order; one older than the window behind the
 * watermark is ignored. A single event-time timer per device, at the newest reading plus the
 * window, drops the state of a device that stopped reporting.
 */
public class TrendPredictionDetector extends KeyedProcessFunction<String, DeviceEvent, Alert> {

    private static final long serialVersionUID = 1L;

    /** An open episode clears once the projection misses the limit within this many horizons. */
    static final int CLEAR_HORIZON_FACTOR = 2;

    private static final Comparator<Evidence> BY_TIME = Comparator.comparing(Evidence::ts);

    private final List<TrendRule> rules;
    private final int evidenceLimit;

    private transient MapState<String, TrendWindow> windows;

    /**
     * @param rules         the trend rules; never null
     * @param evidenceLimit how many of the newest readings an alert and request carry; at least 1
     */
    public TrendPredictionDetector(List<TrendRule> rules, int evidenceLimit) {
        if (evidenceLimit < 1) {
            throw new IllegalArgumentException("evidenceLimit must be at least 1");
        }
        this.rules = List.copyOf(rules);
        this.evidenceLimit = evidenceLimit;
    }

    @Override
    public void open(OpenContext openContext) {
        windows = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "trend-windows", Types.STRING, TypeInformation.of(TrendWindow.class)));
    }

    @Override
    public void processElement(DeviceEvent event, Context ctx, Collector<Alert> out) throws Exception {
        for (TrendRule rule : rules) {
            Double value = event.metrics() == null ? null : event.metrics().get(rule.metric());
            if (value != null && Double.isFinite(value) && rule.appliesTo(event.deviceType(), event.model())) {
                take(rule, event, Evidence.reading(event.deviceTs(), rule.metric(), value), ctx, out);
            }
        }
    }

    private void take(TrendRule rule, DeviceEvent event, Evidence reading, Context ctx, Collector<Alert> out)
            throws Exception {
        if (!reading.ts().plus(rule.window()).isAfter(Instant.ofEpochMilli(ctx.timerService().currentWatermark()))) {
            return;
        }
        TrendWindow window = windows.get(rule.id());
        List<Evidence> readings = new ArrayList<>(window == null ? List.of() : window.readings());
        int position = Collections.binarySearch(readings, reading, BY_TIME);
        if (position >= 0) {
            return;
        }
        Instant previousNewest = readings.isEmpty() ? null : window.newest();
        readings.add(-position - 1, reading);
        Instant newest = readings.get(readings.size() - 1).ts();
        readings.removeIf(r -> !r.ts().plus(rule.window()).isAfter(newest));
        Instant episodeStart = window == null ? null : window.episodeStart();

        if (readings.size() >= rule.minPoints()) {
            TrendFit fit = TrendFit.of(readings, rule);
            boolean crosses = fit.crossesWithin(newest, rule.horizon());
            boolean stillHeading = fit.crossesWithin(newest, rule.horizon().multipliedBy(CLEAR_HORIZON_FACTOR));
            List<Evidence> evidence = newestOf(readings);
            boolean spanned = !Duration.between(readings.get(0).ts(), newest).minus(rule.minSpan()).isNegative();
            if (episodeStart == null && crosses && spanned && fit.r2() >= rule.minR2()) {
                episodeStart = reading.ts();
                Alert alert = raised(rule, event, episodeStart, fit, readings.size(), evidence);
                out.collect(alert);
                ctx.output(DetectorOutputs.MAINTENANCE_REQUESTS, request(rule, event, alert, fit, evidence));
            } else if (episodeStart != null && !stillHeading) {
                out.collect(cleared(rule, ctx.getCurrentKey(), event.deviceType(), event.model(), episodeStart,
                        reading.ts(), describe(rule, fit, readings.size()), evidence));
                episodeStart = null;
            }
        }
        windows.put(rule.id(), new TrendWindow(event.deviceType(), event.model(), readings, episodeStart));
        if (previousNewest == null || newest.isAfter(previousNewest)) {
            if (previousNewest != null) {
                ctx.timerService().deleteEventTimeTimer(previousNewest.plus(rule.window()).toEpochMilli());
            }
            ctx.timerService().registerEventTimeTimer(newest.plus(rule.window()).toEpochMilli());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        for (TrendRule rule : rules) {
            TrendWindow window = windows.get(rule.id());
            if (window == null || window.newest().plus(rule.window()).toEpochMilli() > timestamp) {
                continue;
            }
            if (window.episodeStart() != null) {
                out.collect(cleared(rule, ctx.getCurrentKey(), window.deviceType(), window.model(),
                        window.episodeStart(), Instant.ofEpochMilli(timestamp),
                        "no " + rule.metric() + " reading for " + ThresholdRule.duration(rule.window()),
                        newestOf(window.readings())));
            }
            windows.remove(rule.id());
        }
    }

    private List<Evidence> newestOf(List<Evidence> readings) {
        return List.copyOf(readings.subList(Math.max(0, readings.size() - evidenceLimit), readings.size()));
    }

    private static String describe(TrendRule rule, TrendFit fit, int points) {
        String trend = String.format(Locale.ROOT, "%s %+.3f per hour over %d readings (R² %.3f)",
                rule.metric(), fit.slopePerHour(), points, fit.r2());
        return fit.crossing() == null
                ? trend + ", not heading for " + rule.limit()
                : trend + ", reaching " + rule.limit() + " at " + fit.crossing();
    }

    private static Alert raised(TrendRule rule, DeviceEvent event, Instant episodeStart, TrendFit fit, int points,
                                List<Evidence> evidence) {
        return new Alert(EpisodeIds.alertId(event.deviceId(), rule.id(), episodeStart),
                event.deviceId(), event.deviceType(), event.model(), rule.id(), rule.severity(),
                Alert.State.RAISED, episodeStart, episodeStart,
                describe(rule, fit, points) + " (" + rule.condition() + ")", evidence);
    }

    private static MaintenanceRequest request(TrendRule rule, DeviceEvent event, Alert alert, TrendFit fit,
                                              List<Evidence> evidence) {
        String problem = "Predicted: " + rule.metric() + " reaches " + rule.limit() + " at " + fit.crossing()
                + " (rule " + rule.id() + ")" + (rule.description().isBlank() ? "" : ": " + rule.description());
        return new MaintenanceRequest(EpisodeIds.requestId(event.deviceId(), rule.id(), alert.episodeStart()),
                event.deviceId(), event.deviceType(), event.model(), rule.id(), MaintenanceRequest.Kind.PREVENTIVE,
                rule.severity(), problem, alert.ts(), fit.crossing(), alert.alertId(), evidence);
    }

    private static Alert cleared(TrendRule rule, String deviceId, DeviceType type, String model,
                                 Instant episodeStart, Instant at, String message, List<Evidence> evidence) {
        return new Alert(EpisodeIds.alertId(deviceId, rule.id(), episodeStart), deviceId, type, model, rule.id(),
                rule.severity(), Alert.State.CLEARED, episodeStart, at, message, evidence);
    }
}
