package io.fleetcare.gateway.coap;

import io.fleetcare.gateway.ingest.IngestRejection;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/** The one translation of the gateway's error model into CoAP response codes. */
final class CoapResponseCodes {

    private CoapResponseCodes() {
    }

    /**
     * @param reason never null
     * @return the 4.xx code the device gets; never null
     */
    static ResponseCode of(IngestRejection.Reason reason) {
        return switch (reason) {
            case MALFORMED_PAYLOAD, INVALID_FIELD, MISSING_FIELD, INVALID_VALUE, UNKNOWN_FIELD ->
                    ResponseCode.BAD_REQUEST;
            case UNKNOWN_DEVICE -> ResponseCode.UNAUTHORIZED;
            case UNKNOWN_TOPIC -> ResponseCode.NOT_FOUND;
            case UNKNOWN_ACTION, UNSUPPORTED_ACTION -> ResponseCode.METHOD_NOT_ALLOWED;
            case PAYLOAD_TOO_LARGE -> ResponseCode.REQUEST_ENTITY_TOO_LARGE;
            case UNSUPPORTED_FORMAT -> ResponseCode.UNSUPPORTED_CONTENT_FORMAT;
        };
    }
}
