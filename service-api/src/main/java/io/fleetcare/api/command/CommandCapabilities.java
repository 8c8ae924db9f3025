package io.fleetcare.api.command;

import io.fleetcare.api.device.Device;
import io.fleetcare.api.device.DeviceRepository;
import io.fleetcare.api.modbus.ModbusRegistryService;
import io.fleetcare.events.DeviceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;

/**
 * Which commands a device can execute, from how the platform reaches it: a device with a Modbus registration takes
 * only register writes; a charger of the registry the OCPP remote diagnostics; a set-top box of the registry the
 * MQTT/CoAP ones. A device not in the registry keeps every command but {@code WRITE_REGISTER} (the gateway then
 * refuses what its protocol lacks). OCPP 1.6 and 2.0.1 chargers get the same list: the gateway maps each command to
 * both versions.
 */
@ApplicationScoped
public class CommandCapabilities {

    /** The commands of a Modbus device. */
    static final List<DiagnosticCommand> MODBUS = List.of(DiagnosticCommand.WRITE_REGISTER);
    /** The commands of an OCPP charger. */
    static final List<DiagnosticCommand> OCPP = List.of(DiagnosticCommand.RESET, DiagnosticCommand.TRIGGER_MESSAGE,
            DiagnosticCommand.GET_DIAGNOSTICS, DiagnosticCommand.GET_CONFIGURATION,
            DiagnosticCommand.CHANGE_CONFIGURATION, DiagnosticCommand.UNLOCK_CONNECTOR);
    /** The commands of an MQTT or CoAP set-top box. */
    static final List<DiagnosticCommand> SET_TOP_BOX = List.of(DiagnosticCommand.REBOOT,
            DiagnosticCommand.COLLECT_LOGS, DiagnosticCommand.GET_CONFIG, DiagnosticCommand.SET_CONFIG,
            DiagnosticCommand.SELF_TEST);

    @Inject
    ModbusRegistryService modbus;

    @Inject
    DeviceRepository devices;

    /** What {@code deviceId} can execute; never null. */
    @Transactional
    public CommandOptions of(String deviceId) {
        if (modbus.isModbus(deviceId)) {
            return new CommandOptions(deviceId, "MODBUS", MODBUS);
        }
        Device device = devices.findDevice(deviceId).orElse(null);
        if (device == null) {
            return new CommandOptions(deviceId, "UNKNOWN", Arrays.stream(DiagnosticCommand.values())
                    .filter(command -> command != DiagnosticCommand.WRITE_REGISTER).toList());
        }
        if (device.deviceType() == DeviceType.EV_CHARGER) {
            return new CommandOptions(deviceId, "OCPP", OCPP);
        }
        if (device.deviceType() == DeviceType.SET_TOP_BOX) {
            return new CommandOptions(deviceId, "MQTT_COAP", SET_TOP_BOX);
        }
        return new CommandOptions(deviceId, "NONE", List.of());
    }
}
