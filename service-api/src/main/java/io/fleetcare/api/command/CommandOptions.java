package io.fleetcare.api.command;

import java.util.List;

/**
 * The commands a device can execute ({@code GET /api/devices/{deviceId}/commands/available}).
 *
 * @param deviceId never null
 * @param protocol how the platform reaches it: {@code MODBUS}, {@code OCPP}, {@code MQTT_COAP}, {@code NONE} (an
 *                 energy meter without Modbus registration) or {@code UNKNOWN} (not in the registry); never null
 * @param commands in the order the page offers them; never null, may be empty
 */
public record CommandOptions(String deviceId, String protocol, List<DiagnosticCommand> commands) {
}
