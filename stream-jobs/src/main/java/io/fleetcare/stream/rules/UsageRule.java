package io.fleetcare.stream.rules;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.util.List;
import java.util.Objects;

/**
 * Usage-based maintenance: every {@link #every()} units of use since the last maintenance, a
 * scheduled maintenance request is due (e.g. every 5 MWh delivered, or every 10 000 plug cycles).
 *
 * @param id          unique rule id; never null
 * @param description what the maintenance is, for people; never null (may be empty)
 * @param scope       the devices the rule watches; never null
 * @param measure     what is counted; never null
 * @param every       the maintenance interval in units of {@code measure}; positive and finite
 * @param severity    severity of the request; never null
 */
public record UsageRule(
        String id,
        String description,
        DeviceScope scope,
        Measure measure,
        double every,
        Severity severity) implements HealthRule {

    /** What a usage rule counts. */
    public enum Measure {
        /** Energy delivered in Wh, from the increase of every {@code connector.N.energy_wh} register. */
        ENERGY_WH,
        /** Charging sessions started ({@code TRANSACTION_STARTED} events, one per plug-in). */
        PLUG_CYCLES
    }

    /**
     * @throws NullPointerException     when a required component is null
     * @throws IllegalArgumentException when {@code every} is not positive and finite
     */
    public UsageRule {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(severity, "severity");
        if (!(every > 0) || !Double.isFinite(every)) {
            throw new IllegalArgumentException(id + ": 'every' must be a positive number");
        }
    }

    /** Whether the rule watches devices of this type and model ({@code model} may be null). */
    public boolean appliesTo(DeviceType type, String model) {
        return scope.covers(type, model);
    }

    /** The unit of {@link #every()} for people. */
    public String unit() {
        return measure == Measure.ENERGY_WH ? "Wh" : "plug cycles";
    }

    /** The entry of a usage rule under {@code usage} in the rules file. */
    record Entry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            String measure,
            Double every,
            String severity) implements HealthRule.Entry<UsageRule> {

        @Override
        public UsageRule toRule(EntryCheck check) {
            check.requireId(id);
            DeviceType type = check.fieldDeviceType(deviceType);
            check.models(models);
            Measure counted = null;
            if (EntryCheck.isBlank(measure)) {
                check.problem("'measure' is required (energyWh or plugCycles)");
            } else if (measure.trim().equals("energyWh")) {
                counted = Measure.ENERGY_WH;
            } else if (measure.trim().equals("plugCycles")) {
                counted = Measure.PLUG_CYCLES;
            } else {
                check.problem("'measure' must be energyWh or plugCycles, not '" + measure + "'");
            }
            if (every == null || !(every > 0) || !Double.isFinite(every)) {
                check.problem("'every' is required and must be a positive number");
            }
            Severity severity = check.severity(this.severity, "severity");
            if (check.failed()) {
                return null;
            }
            return new UsageRule(id, description, EntryCheck.scope(type, models), counted, every, severity);
        }
    }
}
