package io.fleetcare.events;

/** Names of the Kafka topics that connect the platform's processes. */
public final class Topics {
    /** {@link DeviceEvent}s from the gateway, keyed by device id. */
    public static final String DEVICE_TELEMETRY = "device.telemetry";
    /** {@link Alert}s (raised and cleared) from the stream jobs, keyed by device id. */
    public static final String DEVICE_ALERTS = "device.alerts";
    /** {@link MaintenanceRequest}s from the stream jobs, keyed by device id. */
    public static final String MAINTENANCE_REQUESTS = "maintenance.requests";
    /** Commands for devices, keyed by device id. */
    public static final String DEVICE_COMMANDS = "device.commands";
    /** Outcomes of device commands, keyed by device id. */
    public static final String DEVICE_COMMAND_RESULTS = "device.command-results";

    /**
     * {@link ModbusRegistration}s from the service API, keyed by device id; compacted, a tombstone removes the
     * device. Every gateway reads it from the beginning.
     */
    public static final String MODBUS_DEVICES = "modbus.devices";
    /**
     * {@link ModbusRegisterMap}s from the service API, keyed by profile name; compacted, a tombstone removes the
     * profile.
     */
    public static final String MODBUS_REGISTER_MAPS = "modbus.register-maps";

    private Topics() {
    }
}
