package io.fleetcare.api.repair;

/** What kind of visit a record describes (DOMAIN.md "Records"). */
public enum RecordKind {
    /** A fault was repaired. */
    REPAIR,
    /** Preventive maintenance along the unit's checklist (seed 001 §三(四)). */
    MAINTENANCE
}
