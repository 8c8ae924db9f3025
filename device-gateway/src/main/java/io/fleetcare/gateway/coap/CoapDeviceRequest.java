package io.fleetcare.gateway.coap;

import java.util.List;

/**
 * What the gateway needs of one CoAP request, taken from the Californium exchange where it enters.
 *
 * @param post          whether the method is POST
 * @param path          the Uri-Path segments, decoded; never null
 * @param contentFormat the Content-Format option, or {@code -1} when absent
 * @param payload       the (reassembled) body; never null, may be empty
 * @param pskIdentity   the PSK identity of the DTLS session, or null for plain CoAP
 * @param peer          the sender's address, for logs only; never null
 */
public record CoapDeviceRequest(boolean post, List<String> path, int contentFormat, byte[] payload,
        String pskIdentity, String peer) {

    public CoapDeviceRequest {
        path = List.copyOf(path);
    }
}
