package io.fleetcare.api.notify;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * A stored, valid notification rule.
 *
 * @param id             never null once stored
 * @param name           never null
 * @param trigger        never null
 * @param severity       ALERT rules: only alerts of this severity; null for any
 * @param alertRuleId    ALERT rules: only alerts of this detection rule (e.g. {@code GroundFailure}); null for any
 * @param deviceType     ALERT rules: only alerts of this device kind; null for any
 * @param slaWarnPercent SLA rules: the share of a clock's time (1-99) at which the warning goes out; null otherwise
 * @param quietFrom      start of the quiet hours in the service's zone; null when the rule has none
 * @param quietTo        end of the quiet hours (exclusive, may be before {@code quietFrom}: over midnight)
 * @param repeatMinutes  while an alert stays unacknowledged, its highest level reached is told again this often;
 *                       null for no repeat
 * @param levels         the on-call chain, level 1 first; never empty
 * @param createdBy      never null
 * @param createdAt      never null
 */
public record NotificationRule(Long id, String name, RuleTrigger trigger, Severity severity, String alertRuleId,
        DeviceType deviceType, Integer slaWarnPercent, LocalTime quietFrom, LocalTime quietTo, Integer repeatMinutes,
        List<EscalationLevel> levels, String createdBy, Instant createdAt) {

    public NotificationRule {
        levels = List.copyOf(levels);
    }

    /** Whether an alert of this kind is one this rule watches. */
    public boolean matches(Severity alertSeverity, String alertRule, DeviceType alertDeviceType) {
        return trigger == RuleTrigger.ALERT && (severity == null || severity == alertSeverity)
                && (alertRuleId == null || alertRuleId.equals(alertRule))
                && (deviceType == null || deviceType == alertDeviceType);
    }

    /** Whether the local time falls into the rule's quiet hours. */
    public boolean quietAt(LocalTime time) {
        if (quietFrom == null) {
            return false;
        }
        return quietFrom.isBefore(quietTo)
                ? !time.isBefore(quietFrom) && time.isBefore(quietTo)
                : !time.isBefore(quietFrom) || time.isBefore(quietTo);
    }
}
