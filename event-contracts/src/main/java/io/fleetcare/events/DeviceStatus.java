package io.fleetcare.events;

/**
 * A device or connector status as reported by the device.
 *
 * @param connector  connector number for chargers (0 = the whole charge point); null for devices without connectors
 * @param state      the reported state, e.g. {@code Available}, {@code Faulted}; never null
 * @param errorCode  protocol error code, e.g. {@code HighTemperature}, {@code NoError}; may be null
 * @param vendorCode vendor-specific error code; may be null
 */
public record DeviceStatus(Integer connector, String state, String errorCode, String vendorCode) {
}
