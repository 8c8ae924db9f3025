package io.fleetcare.stream.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The rules of the device-health job as loaded at job start; immutable.
 *
 * @param source     where the rules came from, for logs (a file path or a classpath resource); never null
 * @param thresholds the threshold-for-duration rules, ids unique; never null (may be empty)
 */
public record HealthRules(String source, List<ThresholdRule> thresholds) implements Serializable {

    /**
     * @throws IllegalArgumentException when two threshold rules share an id
     */
    public HealthRules {
        Objects.requireNonNull(source, "source");
        thresholds = List.copyOf(thresholds);
        long distinct = thresholds.stream().map(ThresholdRule::id).distinct().count();
        if (distinct != thresholds.size()) {
            throw new IllegalArgumentException("rule ids must be unique in " + source);
        }
    }

    /** How many rules there are in all. */
    public int size() {
        return thresholds.size();
    }
}
