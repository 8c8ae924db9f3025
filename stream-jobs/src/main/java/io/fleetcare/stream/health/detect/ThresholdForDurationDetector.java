package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.stream.rules.ThresholdRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Raises an alert when a metric stays beyond a limit for a sustained period of device time, and
 * clears it when the metric comes back past a second, healthier limit (hysteresis). Keyed by
 * device id; evaluates every {@link ThresholdRule} that applies to the device's type and model.
 *
 * <p>Per rule and device:
 * <ul>
 *   <li>An episode starts with the first breaching reading. A reading that does not breach ends a
 *       pending episode, so every reading between start and raise breaches.</li>
 *   <li>A breaching reading whose {@code deviceTs - episodeStart >= sustainFor} raises: one
 *       {@link Alert.State#RAISED} alert on the main output and one corrective
 *       {@link MaintenanceRequest} on {@link DetectorOutputs#MAINTENANCE_REQUESTS}, both carrying
 *       the most recent breaching readings as evidence.</li>
 *   <li>Once raised, only a reading at or past the clear limit ends the episode, with a
 *       {@link Alert.State#CLEARED} alert of the same id; readings between the limits keep it
 *       raised.</li>
 *   <li>Ids derive from device, rule and episode start ({@link EpisodeIds}), so the same telemetry
 *       always yields the same ids.</li>
 * </ul>
 *
 * <p>Out-of-order readings: a reading older than the newest reading of the open episode is
 * ignored, because the detector decides on arrival and cannot revise what it already emitted;
 * taking a late reading into account could only make an episode start earlier than the readings
 * it was judged on. Late readings that arrive while no episode is open are evaluated as they come.
 * The state of an episode is removed when it ends; an episode of a device that goes silent expires
 * after {@code stateRetention} without readings.
 */
public class ThresholdForDurationDetector extends KeyedProcessFunction<String, DeviceEvent, Alert> {

    private static final long serialVersionUID = 1L;

    private final List<ThresholdRule> rules;
    private final int evidenceLimit;
    private final Duration stateRetention;

    private transient MapState<String, Episode> episodes;

    /**
     * @param rules          the rules to evaluate; never null
     * @param evidenceLimit  how many of the most recent breaching readings an alert carries; at least 1
     * @param stateRetention how long an open episode survives without readings (processing time); positive
     * @throws IllegalArgumentException on a limit below 1 or a non-positive retention
     */
    public ThresholdForDurationDetector(List<ThresholdRule> rules, int evidenceLimit, Duration stateRetention) {
        this.rules = List.copyOf(rules);
        this.stateRetention = Objects.requireNonNull(stateRetention, "stateRetention");
        if (evidenceLimit < 1) {
            throw new IllegalArgumentException("evidenceLimit must be at least 1");
        }
        if (stateRetention.isZero() || stateRetention.isNegative()) {
            throw new IllegalArgumentException("stateRetention must be positive");
        }
        this.evidenceLimit = evidenceLimit;
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, Episode> descriptor = new MapStateDescriptor<>(
                "threshold-episodes", Types.STRING, TypeInformation.of(Episode.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateRetention)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .build());
        episodes = getRuntimeContext().getMapState(descriptor);
    }

    @Override
    public void processElement(DeviceEvent event, Context ctx, Collector<Alert> out) throws Exception {
        for (ThresholdRule rule : rules) {
            if (!rule.appliesTo(event.deviceType(), event.model())) {
                continue;
            }
            Double value = event.metric(rule.metric());
            if (value == null || value.isNaN()) {
                continue;
            }
            evaluate(rule, event, value, ctx, out);
        }
    }

    private void evaluate(ThresholdRule rule, DeviceEvent event, double value, Context ctx, Collector<Alert> out)
            throws Exception {
        Instant ts = event.deviceTs();
        Evidence reading = Evidence.reading(ts, rule.metric(), value);
        Episode episode = episodes.get(rule.id());

        if (episode == null) {
            if (rule.breaches(value)) {
                advancePending(rule, event, Episode.startingWith(reading), ctx, out);
            }
            return;
        }
        if (ts.isBefore(episode.lastReading())) {
            return;
        }
        if (!episode.raised()) {
            if (rule.breaches(value)) {
                advancePending(rule, event, episode.breachingAgain(reading, evidenceLimit), ctx, out);
            } else {
                episodes.remove(rule.id());
            }
        } else if (rule.clears(value)) {
            out.collect(cleared(rule, event, episode, reading));
            episodes.remove(rule.id());
        } else {
            episodes.put(rule.id(), episode.seenAt(ts));
        }
    }

    private void advancePending(ThresholdRule rule, DeviceEvent event, Episode episode, Context ctx,
                                Collector<Alert> out) throws Exception {
        Duration sustained = Duration.between(episode.start(), episode.lastReading());
        if (sustained.compareTo(rule.sustainFor()) < 0) {
            episodes.put(rule.id(), episode);
            return;
        }
        Alert alert = raised(rule, event, episode);
        out.collect(alert);
        ctx.output(DetectorOutputs.MAINTENANCE_REQUESTS, maintenanceRequest(rule, event, episode, alert));
        episodes.put(rule.id(), episode.raisedAt(episode.lastReading()));
    }

    private static Alert raised(ThresholdRule rule, DeviceEvent event, Episode episode) {
        Evidence latest = episode.evidence().get(episode.evidence().size() - 1);
        String message = rule.raiseCondition() + " (latest " + ThresholdRule.number(latest.value()) + ")";
        return new Alert(
                EpisodeIds.alertId(event.deviceId(), rule.id(), episode.start()),
                event.deviceId(), event.deviceType(), event.model(), rule.id(), rule.severity(),
                Alert.State.RAISED, episode.start(), episode.lastReading(), message, episode.evidence());
    }

    private static MaintenanceRequest maintenanceRequest(ThresholdRule rule, DeviceEvent event, Episode episode,
                                                         Alert alert) {
        String problem = rule.raiseCondition() + " (rule " + rule.id() + ")"
                + (rule.description().isBlank() ? "" : ": " + rule.description());
        return new MaintenanceRequest(
                EpisodeIds.requestId(event.deviceId(), rule.id(), episode.start()),
                event.deviceId(), event.deviceType(), event.model(), rule.id(),
                MaintenanceRequest.Kind.CORRECTIVE, rule.severity(), problem,
                episode.lastReading(), null, alert.alertId(), episode.evidence());
    }

    private static Alert cleared(ThresholdRule rule, DeviceEvent event, Episode episode, Evidence reading) {
        String message = rule.clearCondition() + " again (" + ThresholdRule.number(reading.value()) + ")";
        return new Alert(
                EpisodeIds.alertId(event.deviceId(), rule.id(), episode.start()),
                event.deviceId(), event.deviceType(), event.model(), rule.id(), rule.severity(),
                Alert.State.CLEARED, episode.start(), reading.ts(), message, List.of(reading));
    }
}
