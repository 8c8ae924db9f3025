package io.fleetcare.events;

/** How urgent an alert or maintenance request is, most urgent first. */
public enum Severity {
    CRITICAL,
    MAJOR,
    MINOR,
    WARNING
}
