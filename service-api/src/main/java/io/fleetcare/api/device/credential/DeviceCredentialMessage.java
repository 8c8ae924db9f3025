package io.fleetcare.api.device.credential;

import io.fleetcare.events.DeviceType;
import java.time.Instant;

/**
 * What the gateways and the broker's account sync learn of a device's current credential, on the compacted topic
 * {@value #TOPIC} (key = device id, the latest record per device wins). It carries no secret in clear: the
 * {@code $7$} hash serves the MQTT broker and OCPP, and the CoAP pre-shared key travels sealed under the transport
 * key (see {@link SealedSecret}).
 *
 * @param deviceId   never null
 * @param deviceType never null; the gateway admits only {@code EV_CHARGER}s over OCPP
 * @param model      may be null
 * @param version    1 for the first credential, one more at every rotation; consumers ignore older versions
 * @param secretHash {@code $7$} PBKDF2-SHA512 hash of the secret; never null
 * @param sealedPsk  the secret sealed under the transport key, for CoAP DTLS-PSK; null for devices that do not speak
 *                   CoAP (anything but set-top boxes)
 * @param rotatedAt  when it was issued; never null
 */
public record DeviceCredentialMessage(String deviceId, DeviceType deviceType, String model, int version,
                                      String secretHash, String sealedPsk, Instant rotatedAt) {

    /** The topic's default name (not in event-contracts' {@code Topics}: only the credential feature uses it). */
    public static final String TOPIC = "device.credentials";
}
