package io.fleetcare.api.modbus;

/**
 * Body of {@code PUT /api/modbus/devices/{deviceId}}: how the gateways reach a device of the registry. Every field is
 * checked and every problem listed in one 400 answer.
 *
 * @param host               the device or its site controller; required
 * @param port               TCP port, 1-65535; null means 502
 * @param unitId             Modbus unit id, 0-255; null means 1
 * @param profile            a register map registered here or built into the gateways ({@code charger-default});
 *                           null means {@code charger-default}
 * @param pollIntervalMillis 100 ms to 1 h; null means 10 s
 */
public record ModbusDeviceRequest(String host, Integer port, Integer unitId, String profile, Long pollIntervalMillis) {
}
