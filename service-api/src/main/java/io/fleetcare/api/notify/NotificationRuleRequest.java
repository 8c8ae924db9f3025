package io.fleetcare.api.notify;

import java.util.List;

/**
 * A new notification rule as a client sends it ({@code POST /api/notification-rules}). Enumerations are taken as
 * text so that an unknown value is reported with every other problem of the request ({@link RuleValidation}).
 *
 * @param name           required
 * @param trigger        ALERT or SLA; required
 * @param severity       ALERT: CRITICAL, MAJOR, MINOR or WARNING; null for any
 * @param alertRuleId    ALERT: a detection rule id; null for any
 * @param deviceType     ALERT: a device kind in the field; null for any
 * @param slaWarnPercent SLA: 1-99, required
 * @param quietHours     may be null
 * @param repeatMinutes  ALERT: at least the minimum delay; may be null
 * @param levels         the on-call chain, level 1 first; at least one
 */
public record NotificationRuleRequest(String name, String trigger, String severity, String alertRuleId,
        String deviceType, Integer slaWarnPercent, QuietHours quietHours, Integer repeatMinutes,
        List<Level> levels) {

    /** @param from "HH:mm"; @param to "HH:mm", exclusive, may be before from (over midnight) */
    public record QuietHours(String from, String to) {
    }

    /** @param afterMinutes 0 for level 1 at once; later levels at least the minimum delay after level 1's */
    public record Level(Integer afterMinutes, List<Target> targets) {
    }

    /**
     * @param channel EMAIL, WEBHOOK or IN_APP
     * @param address an e-mail address, an http(s) URL, or a username
     * @param secret  WEBHOOK only: the HMAC-SHA256 key, 16-200 characters; stored sealed, never shown again
     */
    public record Target(String channel, String address, String secret) {
    }
}
