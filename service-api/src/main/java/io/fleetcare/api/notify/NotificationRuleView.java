package io.fleetcare.api.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A notification rule as clients see it; webhook secrets are never shown, only that one is set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationRuleView(long ruleId, String name, RuleTrigger trigger, String severity,
        String alertRuleId, String deviceType, Integer slaWarnPercent, String quietFrom, String quietTo,
        Integer repeatMinutes, List<Level> levels, String createdBy, Instant createdAt) {

    public record Level(int level, int afterMinutes, List<Target> targets) {
    }

    public record Target(NotificationChannel channel, String address, Boolean secretSet) {
    }

    static NotificationRuleView of(NotificationRule rule) {
        return new NotificationRuleView(rule.id(), rule.name(), rule.trigger(),
                rule.severity() == null ? null : rule.severity().name(), rule.alertRuleId(),
                rule.deviceType() == null ? null : rule.deviceType().name(), rule.slaWarnPercent(),
                rule.quietFrom() == null ? null : rule.quietFrom().toString(),
                rule.quietTo() == null ? null : rule.quietTo().toString(), rule.repeatMinutes(),
                rule.levels().stream().map(l -> new Level(l.level(), l.afterMinutes(), l.targets().stream()
                        .map(t -> new Target(t.channel(), t.address(), t.secret() == null ? null : Boolean.TRUE))
                        .toList())).toList(),
                rule.createdBy(), rule.createdAt());
    }
}
