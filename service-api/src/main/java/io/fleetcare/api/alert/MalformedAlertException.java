package io.fleetcare.api.alert;

/** A record on {@code device.alerts} that is not an alert the service can store; the message says why. */
public class MalformedAlertException extends Exception {

    public MalformedAlertException(String message) {
        super(message);
    }

    public MalformedAlertException(String message, Throwable cause) {
        super(message, cause);
    }
}
