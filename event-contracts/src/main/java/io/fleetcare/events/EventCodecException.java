package io.fleetcare.events;

/** Thrown when bytes are not a valid message of the expected type. */
public class EventCodecException extends RuntimeException {
    public EventCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
