package io.fleetcare.gateway.ocpp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.gateway.ocpp.frame.CallErrorCode;

/** What a charge point answered to a call from the gateway. */
public sealed interface CallAnswer {

    /** A CALLRESULT; {@code payload} never null. */
    record Result(ObjectNode payload) implements CallAnswer {
    }

    /** A CALLERROR; {@code code} and {@code details} never null, {@code description} may be empty. */
    record Error(CallErrorCode code, String description, ObjectNode details) implements CallAnswer {
    }
}
