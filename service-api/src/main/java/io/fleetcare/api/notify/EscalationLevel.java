package io.fleetcare.api.notify;

import java.util.List;

/**
 * One level of an on-call chain.
 *
 * @param level        1 for the first; never below 1
 * @param afterMinutes minutes after the alert was received (or the SLA step reached) at which this level is told,
 *                     unless the alert was acknowledged by then; 0 only for level 1
 * @param targets      never null or empty
 */
public record EscalationLevel(int level, int afterMinutes, List<NotificationTarget> targets) {

    public EscalationLevel {
        targets = List.copyOf(targets);
    }
}
