package io.fleetcare.gateway.credential;

import io.fleetcare.events.DeviceType;
import java.util.Objects;

/**
 * The current credential the service API issued for a device.
 *
 * @param deviceId   never null
 * @param deviceType never null
 * @param model      may be null
 * @param version    grows with every rotation
 * @param secretHash {@code $7$} hash of the secret (OCPP password check); never null
 * @param psk        the CoAP pre-shared key (UTF-8 bytes of the secret); null when the device has none or the gateway
 *                   has no transport key
 */
public record IssuedCredential(String deviceId, DeviceType deviceType, String model, int version, String secretHash,
                               byte[] psk) {

    public IssuedCredential {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(secretHash, "secretHash");
        psk = psk == null ? null : psk.clone();
    }

    @Override
    public byte[] psk() {
        return psk == null ? null : psk.clone();
    }
}
