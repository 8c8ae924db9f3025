package io.fleetcare.simulator.ocpp;

/**
 * A CALL answered with a CALLERROR by the peer, or refused by us with one: carries the OCPP error code
 * (FormationViolation, NotImplemented, PropertyConstraintViolation, ...).
 */
public final class CallRefused extends RuntimeException {

    private final String errorCode;

    public CallRefused(String errorCode, String description) {
        super(errorCode + ": " + description);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
