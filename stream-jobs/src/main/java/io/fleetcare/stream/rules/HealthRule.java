package io.fleetcare.stream.rules;

import io.fleetcare.events.DeviceType;
import java.io.Serializable;

/**
 * One rule of the device-health job. Each kind of rule is a record that owns its entry of the YAML
 * rules file ({@code Entry}, bound by {@link HealthRulesFile}) and the validation that turns the
 * entry into the rule.
 */
public sealed interface HealthRule extends Serializable
        permits ThresholdRule, StatusFaultRule, ErrorEventRule, OfflineRule, RateRule, TrendRule, UsageRule {

    /** Unique rule id across all kinds of rules (it is part of every alert and request id); never null. */
    String id();

    /** What the rule watches, for people; never null (may be empty). */
    String description();

    /** Whether the rule watches devices of this type and model ({@code model} may be null). */
    boolean appliesTo(DeviceType type, String model);

    /**
     * An entry of the rules file as written, every field nullable; {@link #toRule} checks it.
     *
     * @param <R> the rule the entry describes
     */
    interface Entry<R extends HealthRule> {

        /** The id as written; may be null or blank. */
        String id();

        /**
         * The rule the entry describes, or null when it is invalid; every mistake is reported to
         * {@code check} under the entry's name.
         */
        R toRule(EntryCheck check);
    }
}
