package io.fleetcare.stream.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of the device-health job as loaded at job start; immutable. Rule ids are unique across
 * all kinds of rules, because they are part of every alert and request id.
 *
 * @param source       where the rules came from, for logs (a file path or a classpath resource); never null
 * @param thresholds   threshold-for-duration rules; never null (may be empty)
 * @param statusFaults status fault rules (OCPP StatusNotification); never null (may be empty)
 * @param errorEvents  error event rules (set-top box ERROR events); never null (may be empty)
 * @param offline      offline (heartbeat loss) rules; never null (may be empty)
 * @param rates        rate rules; never null (may be empty)
 * @param trends       trend prediction rules; never null (may be empty)
 * @param usage        usage-based maintenance rules; never null (may be empty)
 */
public record HealthRules(
        String source,
        List<ThresholdRule> thresholds,
        List<StatusFaultRule> statusFaults,
        List<ErrorEventRule> errorEvents,
        List<OfflineRule> offline,
        List<RateRule> rates,
        List<TrendRule> trends,
        List<UsageRule> usage) implements Serializable {

    /**
     * @throws IllegalArgumentException when two rules share an id
     */
    public HealthRules {
        Objects.requireNonNull(source, "source");
        thresholds = List.copyOf(thresholds);
        statusFaults = List.copyOf(statusFaults);
        errorEvents = List.copyOf(errorEvents);
        offline = List.copyOf(offline);
        rates = List.copyOf(rates);
        trends = List.copyOf(trends);
        usage = List.copyOf(usage);
        List<String> ids = new ArrayList<>();
        thresholds.forEach(r -> ids.add(r.id()));
        statusFaults.forEach(r -> ids.add(r.id()));
        errorEvents.forEach(r -> ids.add(r.id()));
        offline.forEach(r -> ids.add(r.id()));
        rates.forEach(r -> ids.add(r.id()));
        trends.forEach(r -> ids.add(r.id()));
        usage.forEach(r -> ids.add(r.id()));
        Set<String> distinct = new HashSet<>(ids);
        if (distinct.size() != ids.size()) {
            throw new IllegalArgumentException("rule ids must be unique in " + source);
        }
    }

    /** Rules without trend and usage rules. */
    public HealthRules(String source, List<ThresholdRule> thresholds, List<StatusFaultRule> statusFaults,
                       List<ErrorEventRule> errorEvents, List<OfflineRule> offline, List<RateRule> rates) {
        this(source, thresholds, statusFaults, errorEvents, offline, rates, List.of(), List.of());
    }

    /** Only threshold rules. */
    public static HealthRules ofThresholds(String source, List<ThresholdRule> thresholds) {
        return new HealthRules(source, thresholds, List.of(), List.of(), List.of(), List.of());
    }

    /** How many rules there are in all. */
    public int size() {
        return thresholds.size() + statusFaults.size() + errorEvents.size() + offline.size() + rates.size() + trends.size() + usage.size();
    }
}
