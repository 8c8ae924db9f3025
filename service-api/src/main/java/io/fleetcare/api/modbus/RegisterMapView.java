package io.fleetcare.api.modbus;

import io.fleetcare.events.ModbusRegisterMap;
import java.time.Instant;
import java.util.List;

/**
 * A register-map profile; {@code builtIn} ones live in the gateways and cannot be changed here (their registers
 * are then empty and {@code updatedBy}/{@code updatedAt} null).
 */
public record RegisterMapView(String name, boolean builtIn, List<ModbusRegisterMap.Register> registers,
        ModbusRegisterMap.StatusRegister status, String updatedBy, Instant updatedAt) {
}
