package io.fleetcare.api.command;

/**
 * The remote diagnostics the platform may send to a device (ARCHITECTURE.md, device-facing contracts).
 * The gateway maps each one to its protocol and answers REJECTED for a command the device's protocol lacks; the
 * API already refuses one the device's protocol does not offer ({@link CommandCapabilities}).
 */
public enum DiagnosticCommand {
    /** MQTT/CoAP set-top boxes. */
    REBOOT,
    COLLECT_LOGS,
    GET_CONFIG,
    SET_CONFIG,
    SELF_TEST,
    /** OCPP chargers: Reset, TriggerMessage, GetDiagnostics, GetConfiguration, ChangeConfiguration, UnlockConnector. */
    RESET,
    TRIGGER_MESSAGE,
    GET_DIAGNOSTICS,
    GET_CONFIGURATION,
    CHANGE_CONFIGURATION,
    UNLOCK_CONNECTOR,
    /**
     * Modbus TCP devices: writes a writable register of the device's profile; params
     * {@code {"key": <register name>, "value": <number>}}, e.g. {@code current_setpoint_a}.
     */
    WRITE_REGISTER
}
