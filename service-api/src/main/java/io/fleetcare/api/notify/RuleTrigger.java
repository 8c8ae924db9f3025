package io.fleetcare.api.notify;

/** What a notification rule watches. */
public enum RuleTrigger {
    /** Alerts raised and left unacknowledged: level 1 at once (or after its delay), the next levels later. */
    ALERT,
    /** The SLA clocks of open tickets: a warning at a share of the clock's time, ESCALATED at the breach. */
    SLA
}
