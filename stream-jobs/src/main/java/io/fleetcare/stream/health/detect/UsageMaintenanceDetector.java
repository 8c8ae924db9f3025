package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.stream.rules.UsageRule;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Usage-based maintenance: counts what a device has been used for since the last maintenance and
 * opens one {@link MaintenanceRequest.Kind#SCHEDULED} request each time the count passes another
 * multiple of {@link UsageRule#every()}. Keyed by device id; emits no alerts.
 *
 * <p>"Since the last maintenance" is, for now, since the first event of the device this job
 * counted (its device time is the {@code since} of the counter); a maintenance-done event that
 * resets the counter is not there yet. Request ids derive from device, rule, that time and the
 * interval index, so a replay from the same start yields the same ids.
 *
 * <p>Energy is the sum of the increases of every {@code connector.N.energy_wh} register between
 * consecutive readings in device time. A register that falls below half its last value was reset,
 * and its new value counts as energy delivered since the reset; a smaller fall is rounding (OCPP's
 * {@code meterStart} is whole Wh while MeterValues may carry fractions) and is ignored, the last
 * value staying the base of the next increase. A reading older than the newest one of its register
 * is ignored (its energy is in the later increase). Plug cycles count {@code TRANSACTION_STARTED}
 * events; duplicates are dropped before the detector. The counters are kept for as long as the
 * job runs (one small entry per device and rule), without timers.
 */
public class UsageMaintenanceDetector extends KeyedProcessFunction<String, DeviceEvent, Alert> {

    private static final long serialVersionUID = 1L;
    private static final Pattern ENERGY_REGISTER = Pattern.compile("connector\\.\\d+\\.energy_wh");
    static final String PLUG_IN_EVENT = "TRANSACTION_STARTED";
    /** A register reading below this fraction of the last one means the register was reset. */
    static final double RESET_FRACTION = 0.5;

    private final List<UsageRule> rules;

    private transient MapState<String, UsageCounter> counters;

    /** @param rules the usage rules; never null */
    public UsageMaintenanceDetector(List<UsageRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public void open(OpenContext openContext) {
        counters = getRuntimeContext().getMapState(new MapStateDescriptor<>(
                "usage-counters", Types.STRING, TypeInformation.of(UsageCounter.class)));
    }

    @Override
    public void processElement(DeviceEvent event, Context ctx, Collector<Alert> out) throws Exception {
        for (UsageRule rule : rules) {
            if (rule.appliesTo(event.deviceType(), event.model())) {
                count(rule, event, ctx);
            }
        }
    }

    private void count(UsageRule rule, DeviceEvent event, Context ctx) throws Exception {
        UsageCounter counter = counters.get(rule.id());
        if (counter == null) {
            counter = new UsageCounter(event.deviceTs(), 0, 0, Map.of());
        }
        double used = counter.used();
        Map<String, Evidence> registers = counter.registers();
        if (rule.measure() == UsageRule.Measure.PLUG_CYCLES) {
            if (event.kind() == EventKind.EVENT && event.event() != null && PLUG_IN_EVENT.equals(event.event().name())) {
                used += 1;
            }
        } else if (event.metrics() != null) {
            Map<String, Evidence> newest = new HashMap<>(registers);
            for (Map.Entry<String, Double> metric : event.metrics().entrySet()) {
                Double value = metric.getValue();
                if (!ENERGY_REGISTER.matcher(metric.getKey()).matches() || value == null || !Double.isFinite(value)) {
                    continue;
                }
                Evidence last = newest.get(metric.getKey());
                if (last != null && !event.deviceTs().isAfter(last.ts())) {
                    continue;
                }
                if (last != null && value < last.value() && value >= last.value() * RESET_FRACTION) {
                    continue;
                }
                if (last != null) {
                    used += value >= last.value() ? value - last.value() : Math.max(0, value);
                }
                newest.put(metric.getKey(), Evidence.reading(event.deviceTs(), metric.getKey(), value));
            }
            registers = newest;
        }
        long due = (long) Math.floor(used / rule.every());
        for (long interval = counter.reported() + 1; interval <= due; interval++) {
            ctx.output(DetectorOutputs.MAINTENANCE_REQUESTS, request(rule, event, counter.since(), interval, used));
        }
        counters.put(rule.id(), new UsageCounter(counter.since(), used, Math.max(due, counter.reported()), registers));
    }

    private static MaintenanceRequest request(UsageRule rule, DeviceEvent event, Instant since, long interval,
                                              double used) {
        String amount = String.format(Locale.ROOT, "%.0f", rule.every() * interval);
        String problem = "Maintenance " + interval + " is due: at least " + amount + " " + rule.unit()
                + " since " + since + " (rule " + rule.id() + ", every "
                + String.format(Locale.ROOT, "%.0f", rule.every()) + " " + rule.unit() + ")"
                + (rule.description().isBlank() ? "" : ": " + rule.description());
        Evidence evidence = Evidence.reading(event.deviceTs(),
                rule.measure() == UsageRule.Measure.ENERGY_WH ? "energy_wh_since_maintenance" : "plug_cycles_since_maintenance",
                used);
        return new MaintenanceRequest(EpisodeIds.requestId(event.deviceId(), rule.id(), "interval-" + interval, since),
                event.deviceId(), event.deviceType(), event.model(), rule.id(), MaintenanceRequest.Kind.SCHEDULED,
                rule.severity(), problem, event.deviceTs(), null, null, List.of(evidence));
    }
}
