package io.fleetcare.gateway.ocpp.frame;

import io.fleetcare.gateway.ingest.IngestRejection;

/**
 * The error codes of an OCPP-J 1.6 CALLERROR (OCPP-J 1.6 §4, CallError), spelled as on the wire
 * ({@code OccurenceConstraintViolation} keeps the specification's spelling).
 */
public enum CallErrorCode {
    NotImplemented,
    NotSupported,
    InternalError,
    ProtocolError,
    SecurityError,
    FormationViolation,
    PropertyConstraintViolation,
    OccurenceConstraintViolation,
    TypeConstraintViolation,
    GenericError;

    /**
     * The one translation of the gateway's error model into OCPP.
     *
     * @param reason never null
     * @return the code sent back to the charge point; never null
     */
    public static CallErrorCode of(IngestRejection.Reason reason) {
        return switch (reason) {
            case MALFORMED_PAYLOAD, UNKNOWN_FIELD, UNKNOWN_TOPIC, UNSUPPORTED_FORMAT -> FormationViolation;
            case INVALID_FIELD -> TypeConstraintViolation;
            case INVALID_VALUE -> PropertyConstraintViolation;
            case MISSING_FIELD -> OccurenceConstraintViolation;
            case UNKNOWN_ACTION -> NotImplemented;
            case UNSUPPORTED_ACTION -> NotSupported;
            case PAYLOAD_TOO_LARGE -> ProtocolError;
            case UNKNOWN_DEVICE -> SecurityError;
        };
    }

    /**
     * @param wire the code as received; may be null
     * @return the matching code, {@link #GenericError} for anything this version does not define
     */
    public static CallErrorCode fromWire(String wire) {
        for (CallErrorCode code : values()) {
            if (code.name().equals(wire)) {
                return code;
            }
        }
        return GenericError;
    }
}
