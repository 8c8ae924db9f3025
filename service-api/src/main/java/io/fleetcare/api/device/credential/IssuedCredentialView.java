package io.fleetcare.api.device.credential;

import java.time.Instant;

/**
 * The answer to issuing or rotating a credential: the only time the secret is ever shown. The device logs in with it
 * as its MQTT password, its OCPP (HTTP Basic) password and, for set-top boxes, its CoAP pre-shared key (the UTF-8
 * bytes of the secret, PSK identity = device id).
 *
 * @param deviceId  never null
 * @param version   the new version
 * @param secret    the new secret; never null
 * @param coapPsk   whether it is also the device's CoAP pre-shared key
 * @param rotatedAt when it was issued
 * @param rotatedBy who issued it
 */
public record IssuedCredentialView(String deviceId, int version, String secret, boolean coapPsk, Instant rotatedAt,
                                   String rotatedBy) {
}
