package io.fleetcare.gateway.credential;

import io.fleetcare.events.DeviceType;
import java.time.Instant;

/**
 * A record of the credentials topic as the service API writes it (its {@code DeviceCredentialMessage}); see the
 * module README, "Device credentials".
 */
record CredentialMessage(String deviceId, DeviceType deviceType, String model, int version, String secretHash,
                         String sealedPsk, Instant rotatedAt) {
}
