package io.fleetcare.stream.rules;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Too many occurrences of something in a sliding window of device time: more than
 * {@link #moreThan()} matching events within {@link #within()} raise, and the alert clears once the
 * window holds no more than {@link #clearAtOrBelow()} of them.
 *
 * <p>An occurrence is either an event ({@link EventKind#EVENT}) named {@link #eventName()}, optionally
 * with reason {@link #eventReason()} and code {@link #eventCode()}, or a status
 * ({@link EventKind#STATUS}) with error code {@link #statusErrorCode()} — exactly one of
 * {@code eventName} and {@code statusErrorCode} is set.
 *
 * @param id              unique rule id; never null
 * @param description     what the rule counts, for people; never null (may be empty)
 * @param scope           the devices the rule watches; never null
 * @param eventName       event name to count; null when counting statuses
 * @param eventReason     only events with this reason count; null for any reason
 * @param eventCode       only events with this code count; null for any code
 * @param statusErrorCode status error code to count; null when counting events
 * @param moreThan        raise when the window holds more occurrences than this; at least 1
 * @param within          the window length; positive
 * @param clearAtOrBelow  clear when the window holds this many or fewer; at least 0, below {@code moreThan}
 * @param severity        severity of the alert and request; never null
 * @param maintenance     whether raising also opens a corrective maintenance request
 */
public record RateRule(
        String id,
        String description,
        DeviceScope scope,
        String eventName,
        String eventReason,
        String eventCode,
        String statusErrorCode,
        int moreThan,
        Duration within,
        int clearAtOrBelow,
        Severity severity,
        boolean maintenance) implements HealthRule {

    /**
     * @throws NullPointerException     when a required component is null
     * @throws IllegalArgumentException when the match, the counts or the window are inconsistent
     */
    public RateRule {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(severity, "severity");
        if ((eventName == null) == (statusErrorCode == null)) {
            throw new IllegalArgumentException(id + ": give exactly one of 'eventName' and 'statusErrorCode'");
        }
        if (eventName == null && (eventReason != null || eventCode != null)) {
            throw new IllegalArgumentException(id + ": 'eventReason' and 'eventCode' need 'eventName'");
        }
        if (moreThan < 1) {
            throw new IllegalArgumentException(id + ": 'moreThan' must be at least 1");
        }
        if (clearAtOrBelow < 0 || clearAtOrBelow >= moreThan) {
            throw new IllegalArgumentException(id + ": 'clearAtOrBelow' must be at least 0 and below 'moreThan'");
        }
        if (within.isZero() || within.isNegative()) {
            throw new IllegalArgumentException(id + ": 'within' must be positive");
        }
    }

    /** Whether the rule watches devices of this type and model ({@code model} may be null). */
    public boolean appliesTo(DeviceType type, String model) {
        return scope.covers(type, model);
    }

    /** Whether the event is one occurrence of what the rule counts. */
    public boolean counts(DeviceEvent event) {
        if (eventName != null) {
            return event.kind() == EventKind.EVENT && event.event() != null
                    && eventName.equals(event.event().name())
                    && (eventReason == null || eventReason.equals(event.event().reason()))
                    && (eventCode == null || eventCode.equals(event.event().code()));
        }
        return event.kind() == EventKind.STATUS && event.status() != null
                && statusErrorCode.equals(event.status().errorCode());
    }

    /** What is counted, for people, e.g. {@code REBOOT events} or {@code EVCommunicationError statuses}. */
    public String occurrence() {
        if (eventName == null) {
            return statusErrorCode + " statuses";
        }
        StringBuilder s = new StringBuilder(eventName);
        if (eventReason != null) {
            s.append(" (reason ").append(eventReason).append(')');
        }
        if (eventCode != null) {
            s.append(" (code ").append(eventCode).append(')');
        }
        return s.append(" events").toString();
    }

    /** The raising condition for people, e.g. {@code more than 3 REBOOT events within 24 h}. */
    public String raiseCondition() {
        return "more than " + moreThan + " " + occurrence() + " within " + ThresholdRule.duration(within);
    }

    /** The entry of a rate rule under {@code rates} in the rules file. */
    record Entry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            String eventName,
            String eventReason,
            String eventCode,
            String statusErrorCode,
            Integer moreThan,
            String within,
            Integer clearAtOrBelow,
            String severity,
            Boolean maintenance) implements HealthRule.Entry<RateRule> {

        @Override
        public RateRule toRule(EntryCheck check) {
            check.requireId(id);
            DeviceType type = check.fieldDeviceType(deviceType);
            check.models(models);
            if (EntryCheck.isBlank(eventName) == EntryCheck.isBlank(statusErrorCode)) {
                check.problem("give exactly one of 'eventName' and 'statusErrorCode'");
            } else if (EntryCheck.isBlank(eventName) && (eventReason != null || eventCode != null)) {
                check.problem("'eventReason' and 'eventCode' need 'eventName'");
            }
            if (moreThan == null || moreThan < 1) {
                check.problem("'moreThan' is required and must be at least 1");
            } else if (clearAtOrBelow != null && (clearAtOrBelow < 0 || clearAtOrBelow >= moreThan)) {
                check.problem("'clearAtOrBelow' must be at least 0 and below 'moreThan'");
            }
            Duration window = check.duration(within, "within", false);
            Severity severity = check.severity(this.severity, "severity");
            if (check.failed()) {
                return null;
            }
            return new RateRule(id, description, EntryCheck.scope(type, models), EntryCheck.blankToNull(eventName),
                    EntryCheck.blankToNull(eventReason), EntryCheck.blankToNull(eventCode),
                    EntryCheck.blankToNull(statusErrorCode), moreThan, window,
                    clearAtOrBelow == null ? 0 : clearAtOrBelow, severity, maintenance == null || maintenance);
        }
    }
}
