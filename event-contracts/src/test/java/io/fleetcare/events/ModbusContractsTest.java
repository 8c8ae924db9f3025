package io.fleetcare.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.events.ModbusRegisterMap.Register;
import io.fleetcare.events.ModbusRegisterMap.StatusLevel;
import io.fleetcare.events.ModbusRegisterMap.StatusRegister;
import io.fleetcare.events.ModbusRegisterMap.StatusValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModbusContractsTest {

    @Test
    void aRegistrationHasThisJson() {
        ModbusRegistration registration = new ModbusRegistration("CP-M-1", DeviceType.EV_CHARGER, "AC-22-MB",
                "192.0.2.10", 502, 1, "charger-default", 10_000);

        String json = EventCodec.encodeToString(registration);

        assertThat(json).isEqualTo("{\"deviceId\":\"CP-M-1\",\"deviceType\":\"EV_CHARGER\",\"model\":\"AC-22-MB\","
                + "\"host\":\"192.0.2.10\",\"port\":502,\"unitId\":1,\"profile\":\"charger-default\","
                + "\"pollIntervalMillis\":10000}");
        assertThat(EventCodec.decode(json, ModbusRegistration.class)).isEqualTo(registration);
    }

    @Test
    void aRegistrationListsEveryProblem() {
        assertThat(ModbusRegistration.problems("bad id!", null, " ", 0, 256, "Bad Name", 10)).containsExactly(
                "deviceId must be 1-64 letters, digits or . _ : -",
                "deviceType is required",
                "host must be a host name or address (at most 253 characters, no spaces)",
                "port must be 1-65535",
                "unitId must be 0-255",
                "profile must name a register map (1-64 lower-case letters, digits, - or _, starting with a letter)",
                "pollIntervalMillis must be 100-3600000");
        assertThatThrownBy(() -> new ModbusRegistration("d", DeviceType.EV_CHARGER, null, "h", 502, 1, "p", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pollIntervalMillis must be 100-3600000");
    }

    @Test
    void aRegisterMapWithAStatusRegisterHasThisJson() {
        ModbusRegisterMap map = new ModbusRegisterMap("meter-3ph",
                List.of(new Register("power_w", 6, "float32", "low-word-first", null, "W", false),
                        new Register("status", 0, "uint16", null, null, null, false)),
                new StatusRegister("status", List.of(new StatusValue(0, StatusLevel.OK, null),
                        new StatusValue(2, StatusLevel.FAULT, "InternalError"))));

        String json = EventCodec.encodeToString(map);

        assertThat(json).isEqualTo("{\"name\":\"meter-3ph\",\"registers\":["
                + "{\"name\":\"status\",\"address\":0,\"type\":\"uint16\",\"writable\":false},"
                + "{\"name\":\"power_w\",\"address\":6,\"type\":\"float32\",\"wordOrder\":\"low-word-first\","
                + "\"unit\":\"W\",\"writable\":false}],"
                + "\"status\":{\"register\":\"status\",\"values\":[{\"value\":0,\"level\":\"OK\"},"
                + "{\"value\":2,\"level\":\"FAULT\",\"code\":\"InternalError\"}]}}");
        assertThat(EventCodec.decode(json, ModbusRegisterMap.class)).isEqualTo(map);
        assertThat(map.status().meaning(2).level()).isEqualTo(StatusLevel.FAULT);
        assertThat(map.status().meaning(7)).isNull();
    }

    @Test
    void aRegisterMapListsEveryProblem() {
        List<String> problems = ModbusRegisterMap.problems("Meter",
                List.of(new Register("a", 0, "uint32", "middle", BigDecimal.ZERO, null, false),
                        new Register("a", 1, "int8", null, null, null, false),
                        new Register("b", 1, "uint16", null, null, null, false)),
                new StatusRegister("a", List.of(new StatusValue(1, StatusLevel.WARNING, null),
                        new StatusValue(1, StatusLevel.OK, "x"))));

        assertThat(problems).containsExactly(
                "name must be 1-64 lower-case letters, digits, - or _, starting with a letter",
                "registers[0].wordOrder must be high-word-first or low-word-first",
                "registers[0].scale must not be 0",
                "registers[1].name a is used twice",
                "registers[1].type must be one of uint16, int16, uint32, int32, float32",
                "registers[2] (b) overlaps a",
                "status.register must be a 16-bit register (uint16 or int16)",
                "status.values[0].code is required for WARNING (e.g. OtherError)",
                "status.values[1].value 1 is listed twice",
                "status.values[1].code must be empty for OK");
    }
}
