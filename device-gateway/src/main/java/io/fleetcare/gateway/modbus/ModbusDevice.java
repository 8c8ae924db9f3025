package io.fleetcare.gateway.modbus;

import io.fleetcare.events.DeviceType;
import java.time.Duration;
import java.util.Objects;

/**
 * A device the gateway polls over Modbus TCP.
 *
 * @param deviceId     never null
 * @param deviceType   never null
 * @param model        may be null
 * @param host         name or address of the device or its site controller; never null
 * @param port         TCP port, usually 502
 * @param unitId       Modbus unit id (slave address) behind that address, 0-255
 * @param profile      the register map; never null
 * @param pollInterval time between the starts of two polls; never null, positive
 */
public record ModbusDevice(String deviceId, DeviceType deviceType, String model, String host, int port, int unitId,
                           RegisterProfile profile, Duration pollInterval) {

    public ModbusDevice {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(pollInterval, "pollInterval");
    }
}
