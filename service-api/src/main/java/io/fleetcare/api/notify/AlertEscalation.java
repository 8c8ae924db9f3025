package io.fleetcare.api.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: which levels of a rule's on-call chain are due for one alert at a given time. Level 1 is due after its
 * delay (0: when the alert is received); every later level after its own delay, counted from the alert's receipt,
 * and only while nobody acknowledged the alert. A critical safety fault (e.g. GroundFailure) makes every level due
 * at once and is not held by quiet hours. With a repeat interval, the highest level reached is due again every
 * interval while the alert stays unacknowledged; only the latest repeat is due, never a backlog of them.
 * Quiet hours hold everything else: what is due then goes out when they end. Each step has a key that is the same
 * on every evaluation, so that the delivery record sends it once per alert episode.
 */
public final class AlertEscalation {

    /**
     * One level to tell.
     *
     * @param level  the level of the chain, from 1
     * @param repeat 0 for the first time, n for the n-th repeat
     * @param key    stable within the alert episode, e.g. {@code L2} or {@code L2R3}
     */
    public record Step(EscalationLevel level, int repeat, String key) {
    }

    /**
     * What is known of the alert.
     *
     * @param receivedAt   when the service first stored it; never null
     * @param acknowledged whether somebody acknowledged it
     * @param cleared      whether the device reported it over; nothing more is due then
     * @param safetyFault  whether it is a critical safety fault that escalates at once
     */
    public record AlertFacts(Instant receivedAt, boolean acknowledged, boolean cleared, boolean safetyFault) {
    }

    private AlertEscalation() {
    }

    /**
     * @param rule  an ALERT rule that matches the alert; never null
     * @param alert never null
     * @param now   never null
     * @param zone  the zone of the rule's quiet hours; never null
     * @return the steps due now, level 1 first; empty when nothing is due; never null
     */
    public static List<Step> due(NotificationRule rule, AlertFacts alert, Instant now, ZoneId zone) {
        List<Step> due = new ArrayList<>();
        if (alert.cleared()) {
            return due;
        }
        if (alert.safetyFault()) {
            rule.levels().forEach(l -> due.add(new Step(l, 0, "L" + l.level())));
            return due;
        }
        if (rule.quietAt(now.atZone(zone).toLocalTime())) {
            return due;
        }
        EscalationLevel highest = null;
        for (EscalationLevel level : rule.levels()) {
            Instant at = alert.receivedAt().plus(Duration.ofMinutes(level.afterMinutes()));
            boolean needsNoAck = level.level() == 1 && level.afterMinutes() == 0;
            if (now.isBefore(at) || (alert.acknowledged() && !needsNoAck)) {
                break;
            }
            due.add(new Step(level, 0, "L" + level.level()));
            highest = level;
        }
        if (highest != null && rule.repeatMinutes() != null && !alert.acknowledged()) {
            Instant reached = alert.receivedAt().plus(Duration.ofMinutes(highest.afterMinutes()));
            long repeats = Duration.between(reached, now).toMinutes() / rule.repeatMinutes();
            if (repeats > 0) {
                due.add(new Step(highest, (int) repeats, "L" + highest.level() + "R" + repeats));
            }
        }
        return due;
    }
}
