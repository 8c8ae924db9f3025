package io.fleetcare.api.modbus;

import io.fleetcare.api.problem.Problem;
import io.fleetcare.api.problem.ProblemException;

/** Problems of the Modbus registry other than invalid fields. */
public final class ModbusRegistryProblem extends ProblemException {

    private ModbusRegistryProblem(int status, String slug, String title, String detail) {
        super(status, Problem.type(slug), title, detail);
    }

    static ModbusRegistryProblem deviceNotRegistered(String deviceId) {
        return new ModbusRegistryProblem(404, "modbus-device-not-found", "Modbus device not found",
                "Device " + deviceId + " has no Modbus registration.");
    }

    static ModbusRegistryProblem mapNotFound(String name) {
        return new ModbusRegistryProblem(404, "register-map-not-found", "Register map not found",
                "No register map " + name + " is registered.");
    }

    static ModbusRegistryProblem mapInUse(String name, long devices) {
        return new ModbusRegistryProblem(409, "register-map-in-use", "Register map in use",
                "Register map " + name + " is used by " + devices + " device(s); move them to another profile first.");
    }

    static ModbusRegistryProblem builtIn(String name) {
        return new ModbusRegistryProblem(409, "register-map-built-in", "Built-in register map",
                "Register map " + name + " is built into the gateways and cannot be changed or removed here.");
    }

    static ModbusRegistryProblem notPublished() {
        return new ModbusRegistryProblem(503, "modbus-registry-unavailable", "Modbus registry unavailable",
                "The change could not be handed to the gateways (Kafka); nothing was changed. Try again.");
    }
}
