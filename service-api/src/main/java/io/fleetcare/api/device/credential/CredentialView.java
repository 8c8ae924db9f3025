package io.fleetcare.api.device.credential;

import java.time.Instant;
import java.util.List;

/**
 * What anyone may see of a device's credential: no secret, no hash.
 *
 * @param deviceId  never null
 * @param version   the current version
 * @param coapPsk   whether the device also has a CoAP pre-shared key (set-top boxes)
 * @param rotatedAt when the current one was issued
 * @param rotatedBy who issued it
 * @param rotations every issue and rotation, newest first
 */
public record CredentialView(String deviceId, int version, boolean coapPsk, Instant rotatedAt, String rotatedBy,
                             List<Rotation> rotations) {

    /** One issue or rotation. */
    public record Rotation(int version, Instant rotatedAt, String rotatedBy) {
    }
}
