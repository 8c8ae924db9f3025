package io.fleetcare.api.command;

/** Where a command stands: PENDING until the gateway reports; ACCEPTED is the only other non-final status. */
public enum CommandStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    TIMED_OUT,
    FAILED,
    COMPLETED;

    /** @return whether a later result may still replace this status */
    public boolean isOpen() {
        return this == PENDING || this == ACCEPTED;
    }
}
