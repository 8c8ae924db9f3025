package io.fleetcare.api.ticket.intake;

/** A record on the maintenance request topic that is not a usable {@code MaintenanceRequest}. */
public class MalformedMaintenanceRequestException extends Exception {

    public MalformedMaintenanceRequestException(String message) {
        super(message);
    }

    public MalformedMaintenanceRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
