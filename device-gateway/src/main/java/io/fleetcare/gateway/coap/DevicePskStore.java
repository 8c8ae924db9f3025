package io.fleetcare.gateway.coap;

import java.util.Optional;

/**
 * Where the gateway looks up the pre-shared key of a CoAP device. A PSK handshake needs the key itself on
 * the server (both sides derive the session keys from it), so unlike a password hash the store holds device
 * secrets in clear and must be protected like a private key.
 */
public interface DevicePskStore {

    /**
     * @param deviceId the PSK identity the device presented; may be null or unknown
     * @return the device's key, or empty when the device is unknown; never null
     */
    Optional<byte[]> keyOf(String deviceId);

    /** Whether the device is registered for CoAP at all. */
    default boolean knows(String deviceId) {
        return keyOf(deviceId).isPresent();
    }
}
