package io.fleetcare.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ModbusCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void changeConfigurationWritesTheNamedRegisterWithANumberOrNumericText() throws Exception {
        // when
        ModbusCommands.RegisterWrite number = ModbusCommands.toWrite(command("CHANGE_CONFIGURATION",
                "{\"key\":\"current_setpoint_a\",\"value\":16}"));
        ModbusCommands.RegisterWrite text = ModbusCommands.toWrite(command("SET_CONFIG",
                "{\"key\":\"current_setpoint_a\",\"value\":\"12.5\"}"));

        // then
        assertThat(number).isEqualTo(new ModbusCommands.RegisterWrite("current_setpoint_a", 16.0));
        assertThat(text).isEqualTo(new ModbusCommands.RegisterWrite("current_setpoint_a", 12.5));
    }

    @Test
    void writeRegisterTheCommandTheApiOffersModbusDevicesWritesTheNamedRegister() throws Exception {
        // when
        ModbusCommands.RegisterWrite write = ModbusCommands.toWrite(command("WRITE_REGISTER",
                "{\"key\":\"current_setpoint_a\",\"value\":32}"));

        // then
        assertThat(write).isEqualTo(new ModbusCommands.RegisterWrite("current_setpoint_a", 32.0));
    }

    @Test
    void otherCommandsAndUnusableParamsAreRefused() {
        assertThatThrownBy(() -> ModbusCommands.toWrite(command("RESET", "{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not supported for Modbus");
        assertThatThrownBy(() -> ModbusCommands.toWrite(command("CHANGE_CONFIGURATION", "{\"value\":1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("params.key");
        assertThatThrownBy(() -> ModbusCommands.toWrite(command("CHANGE_CONFIGURATION",
                "{\"key\":\"current_setpoint_a\",\"value\":\"sixteen\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("params.value");
        assertThatThrownBy(() -> ModbusCommands.toWrite(command("CHANGE_CONFIGURATION",
                "{\"key\":\"current_setpoint_a\",\"value\":true}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("params.value");
        assertThatThrownBy(() -> ModbusCommands.toWrite(command("CHANGE_CONFIGURATION", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DeviceCommand command(String name, String params) throws Exception {
        return new DeviceCommand("c-1", "CP-M-1", name, params == null ? null : (ObjectNode) JSON.readTree(params),
                "noc", null, 30);
    }
}
