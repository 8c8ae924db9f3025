package io.fleetcare.api.modbus;

import io.fleetcare.events.DeviceType;
import java.time.Instant;

/** A Modbus device as this API answers it; {@code model} may be null. */
public record ModbusDeviceView(String deviceId, DeviceType deviceType, String model, String host, int port,
        int unitId, String profile, long pollIntervalMillis, String updatedBy, Instant updatedAt) {
}
