package io.fleetcare.gateway.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The one mapping of commands onto Modbus register writes. {@code WRITE_REGISTER} (the one the service API offers
 * for Modbus devices), {@code CHANGE_CONFIGURATION} (the charger command) and {@code SET_CONFIG} take {@code {"key": <register name>, "value": <number, or a text holding one>}}; the register
 * must be writable in the device's profile (e.g. {@code current_setpoint_a} of {@code charger-default}).
 */
public final class ModbusCommands {

    static final Set<String> WRITE_COMMANDS = Set.of("WRITE_REGISTER", "CHANGE_CONFIGURATION", "SET_CONFIG");

    /**
     * A register write.
     *
     * @param register the register's name in the profile; never null
     * @param value    in the register's unit
     */
    public record RegisterWrite(String register, double value) {
    }

    private ModbusCommands() {
    }

    /**
     * @throws IllegalArgumentException when the command is not one Modbus devices take, or its params do not name a
     *                                  key and a finite numeric value
     */
    public static RegisterWrite toWrite(DeviceCommand command) {
        if (!WRITE_COMMANDS.contains(command.command())) {
            throw new IllegalArgumentException(command.command() + " is not supported for Modbus devices (supported: "
                    + "WRITE_REGISTER, CHANGE_CONFIGURATION, SET_CONFIG)");
        }
        JsonNode params = command.params();
        JsonNode key = params == null ? null : params.get("key");
        JsonNode value = params == null ? null : params.get("value");
        if (key == null || !key.isTextual() || key.textValue().isBlank()) {
            throw new IllegalArgumentException("params.key must name a writable register");
        }
        return new RegisterWrite(key.textValue(), number(value));
    }

    private static double number(JsonNode value) {
        double number;
        if (value != null && value.isNumber()) {
            number = value.doubleValue();
        } else if (value != null && value.isTextual()) {
            try {
                number = new BigDecimal(value.textValue().trim()).doubleValue();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("params.value must be a number");
            }
        } else {
            throw new IllegalArgumentException("params.value must be a number");
        }
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException("params.value must be a finite number");
        }
        return number;
    }
}
