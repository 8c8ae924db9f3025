package io.fleetcare.stream.rules;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Errors a device reports as discrete {@value #ERROR_EVENT} events (set-top boxes:
 * {@code {"event":"ERROR","code":"DECODER_HANG"}}). An error is over once the device has gone
 * {@link #clearAfterQuiet()} of device time without reporting it again and then sends anything else.
 *
 * @param id              unique rule id; never null
 * @param description     what the rule watches, for people; never null (may be empty)
 * @param scope           the devices the rule watches; never null
 * @param codes           severity per error code; never null
 * @param otherCodes      severity of a code not listed in {@code codes}, or of an error without code; never null
 * @param clearAfterQuiet how long the device must not repeat the error before a message from it clears the alert; positive
 * @param ticketFor       severities whose errors also open a corrective maintenance request; never null
 */
public record ErrorEventRule(
        String id,
        String description,
        DeviceScope scope,
        Map<String, Severity> codes,
        Severity otherCodes,
        Duration clearAfterQuiet,
        Set<Severity> ticketFor) implements HealthRule {

    /** The event name of a reported error. */
    public static final String ERROR_EVENT = "ERROR";
    /** The code of an error reported without one. */
    public static final String UNSPECIFIED = "UNSPECIFIED";

    /**
     * @throws NullPointerException     when a component is null
     * @throws IllegalArgumentException when {@code clearAfterQuiet} is not positive
     */
    public ErrorEventRule {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        Objects.requireNonNull(scope, "scope");
        codes = Map.copyOf(codes);
        Objects.requireNonNull(otherCodes, "otherCodes");
        Objects.requireNonNull(clearAfterQuiet, "clearAfterQuiet");
        ticketFor = Set.copyOf(ticketFor);
        if (clearAfterQuiet.isZero() || clearAfterQuiet.isNegative()) {
            throw new IllegalArgumentException(id + ": 'clearAfterQuiet' must be positive");
        }
    }

    /** Whether the rule watches devices of this type and model ({@code model} may be null). */
    public boolean appliesTo(DeviceType type, String model) {
        return scope.covers(type, model);
    }

    /** The severity of an error code ({@value #UNSPECIFIED} for an error without code). */
    public Severity severityOf(String code) {
        return codes.getOrDefault(code, otherCodes);
    }

    /** Whether an error of this severity opens a maintenance request. */
    public boolean opensTicket(Severity severity) {
        return ticketFor.contains(severity);
    }

    /** The entry of an error event rule under {@code errorEvents} in the rules file. */
    record Entry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            Map<String, String> codes,
            String otherCodes,
            String clearAfterQuiet,
            List<String> ticketFor) implements HealthRule.Entry<ErrorEventRule> {

        @Override
        public ErrorEventRule toRule(EntryCheck check) {
            check.requireId(id);
            DeviceType type = check.fieldDeviceType(deviceType);
            check.models(models);
            Map<String, Severity> severities = check.severities(codes, "codes");
            Severity other = check.severity(otherCodes, "otherCodes");
            Duration quiet = check.duration(clearAfterQuiet, "clearAfterQuiet", false);
            Set<Severity> tickets = check.ticketFor(ticketFor);
            if (check.failed()) {
                return null;
            }
            return new ErrorEventRule(id, description, EntryCheck.scope(type, models), severities, other, quiet,
                    tickets);
        }
    }
}
