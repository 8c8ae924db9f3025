package io.fleetcare.gateway.coap;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * The answer to one {@link CoapDeviceRequest}.
 *
 * @param code       never null
 * @param diagnostic a short text for the device (RFC 7252 §5.5.2 diagnostic payload) without payload content,
 *                   or null
 */
public record CoapReply(ResponseCode code, String diagnostic) {

    static CoapReply changed() {
        return new CoapReply(ResponseCode.CHANGED, null);
    }
}
