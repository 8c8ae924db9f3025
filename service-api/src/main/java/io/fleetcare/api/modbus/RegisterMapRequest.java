package io.fleetcare.api.modbus;

import io.fleetcare.events.ModbusRegisterMap;
import java.util.List;

/**
 * Body of {@code PUT /api/modbus/register-maps/{name}}: the registers (and optional status register) of a profile,
 * in the form of event-contracts' {@link ModbusRegisterMap}. Every problem is listed in one 400 answer.
 *
 * @param registers required, at least one
 * @param status    may be null
 */
public record RegisterMapRequest(List<ModbusRegisterMap.Register> registers, ModbusRegisterMap.StatusRegister status) {
}
