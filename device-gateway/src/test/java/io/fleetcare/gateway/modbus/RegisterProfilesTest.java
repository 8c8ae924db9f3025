package io.fleetcare.gateway.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import io.fleetcare.events.ModbusRegisterMap;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterProfilesTest {

    @Test
    void builtInChargerProfileIsTheContractsRegisterMap() {
        // when
        RegisterProfile profile = RegisterProfiles.builtIn();

        // then
        assertThat(profile.name()).isEqualTo("charger-default");
        assertThat(profile.registers())
                .extracting(ProfileRegister::name, ProfileRegister::address, ProfileRegister::type,
                        ProfileRegister::wordOrder, register -> register.scale().stripTrailingZeros(),
                        ProfileRegister::unit, ProfileRegister::writable)
                .containsExactly(
                        tuple("status", 0, RegisterType.UINT16, WordOrder.HIGH_WORD_FIRST, BigDecimal.ONE, "", false),
                        tuple("temperature_c", 1, RegisterType.INT16, WordOrder.HIGH_WORD_FIRST,
                                new BigDecimal("0.1"), "°C", false),
                        tuple("voltage_v", 2, RegisterType.UINT16, WordOrder.HIGH_WORD_FIRST, new BigDecimal("0.1"),
                                "V", false),
                        tuple("current_a", 3, RegisterType.UINT16, WordOrder.HIGH_WORD_FIRST, new BigDecimal("0.01"),
                                "A", false),
                        tuple("energy_wh", 4, RegisterType.UINT32, WordOrder.HIGH_WORD_FIRST, BigDecimal.ONE, "Wh",
                                false),
                        tuple("power_w", 6, RegisterType.FLOAT32, WordOrder.HIGH_WORD_FIRST, BigDecimal.ONE, "W",
                                false),
                        tuple("current_setpoint_a", 10, RegisterType.UINT16, WordOrder.HIGH_WORD_FIRST,
                                BigDecimal.ONE, "A", true));
    }

    @Test
    void aPollReadsEachRunOfAdjacentRegistersAndSkipsTheGaps() {
        // given
        RegisterProfile profile = RegisterProfiles.builtIn();

        // when
        List<RegisterBlock> blocks = profile.readBlocks();

        // then
        assertThat(blocks).containsExactly(new RegisterBlock(0, 8), new RegisterBlock(10, 1));
    }

    @Test
    void blocksAreSplitAtTheModbusReadLimitButNeverInsideAValue() {
        // given 62 uint32 values from address 0 (124 registers) and one more: 126 registers in one run
        StringBuilder yaml = new StringBuilder("name: wide\nregisters:\n");
        for (int i = 0; i < 63; i++) {
            yaml.append("  - {name: v").append(i).append(", address: ").append(i * 2).append(", type: uint32}\n");
        }

        // when
        List<RegisterBlock> blocks = parse(yaml.toString()).readBlocks();

        // then
        assertThat(blocks).containsExactly(new RegisterBlock(0, 124), new RegisterBlock(124, 2));
    }

    @Test
    void profileFileAddsAProfileWithDefaultsForOptionalFields(@TempDir Path dir) throws IOException {
        // given
        Path file = dir.resolve("meter.yaml");
        Files.writeString(file, """
                name: meter-3ph
                registers:
                  - {name: energy_wh, address: 100, type: uint32, wordOrder: low-word-first, unit: Wh}
                  - name: power_w
                    address: 102
                    type: int32
                    scale: 0.1
                """);

        // when
        RegisterProfiles profiles = RegisterProfiles.load(List.of(file));

        // then
        assertThat(profiles.find("charger-default")).isPresent();
        RegisterProfile meter = profiles.find("meter-3ph").orElseThrow();
        assertThat(meter.registers()).extracting(ProfileRegister::name, ProfileRegister::wordOrder,
                        ProfileRegister::unit, ProfileRegister::writable)
                .containsExactly(tuple("energy_wh", WordOrder.LOW_WORD_FIRST, "Wh", false),
                        tuple("power_w", WordOrder.HIGH_WORD_FIRST, "", false));
        assertThat(meter.readBlocks()).containsExactly(new RegisterBlock(100, 4));
    }

    @Test
    void invalidProfilesAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> parse("name: x\nregisters:\n  - {name: a, address: 0, type: uint64}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registers[0]")
                .hasMessageContaining("uint64");
        assertThatThrownBy(() -> parse("name: x\nregisters:\n  - {name: a, address: 0}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'type' is required");
        assertThatThrownBy(() -> parse("name: x\nregisters:\n  - {name: a, address: 0, type: uint32}\n"
                + "  - {name: b, address: 1, type: uint16}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps");
        assertThatThrownBy(() -> parse("name: x\nregisters:\n  - {name: a, address: 0, type: uint16}\n"
                + "  - {name: a, address: 1, type: uint16}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("name: x\nregisters:\n  - {name: a, address: 0, type: uint16, scale: 0}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> parse("name: x\nregisters:\n  - {name: A-B, address: 0, type: uint16}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metric name");
        assertThatThrownBy(() -> parse("name: x\nregisters:\n  - {name: a, adress: 0, type: uint16}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field 'adress'");
        assertThatThrownBy(() -> parse("name: x\nregisters: []\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> parse("name: x\nname: y\nregisters:\n  - {name: a, address: 0, type: uint16}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void builtInChargerProfileDeclaresWhatItsStatusValuesMean() {
        // when
        ModbusRegisterMap.StatusRegister status = RegisterProfiles.builtIn().status();

        // then
        assertThat(status.register()).isEqualTo("status");
        assertThat(status.values()).containsExactly(
                new ModbusRegisterMap.StatusValue(0, ModbusRegisterMap.StatusLevel.OK, null),
                new ModbusRegisterMap.StatusValue(1, ModbusRegisterMap.StatusLevel.WARNING, "OtherError"),
                new ModbusRegisterMap.StatusValue(2, ModbusRegisterMap.StatusLevel.FAULT, "InternalError"));
    }

    @Test
    void invalidStatusDeclarationsAreRefusedWithTheFieldNamed() {
        String registers = "name: x\nregisters:\n  - {name: st, address: 0, type: uint16}\n"
                + "  - {name: wide, address: 1, type: uint32}\n";
        assertThatThrownBy(() -> parse(registers + "status: {register: nope, values: [{value: 0, level: ok}]}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status register nope");
        assertThatThrownBy(() -> parse(registers + "status: {register: wide, values: [{value: 0, level: ok}]}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16-bit");
        assertThatThrownBy(() -> parse(registers + "status: {register: st, values: [{value: 1, level: bad}]}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status.values[0]")
                .hasMessageContaining("ok, warning or fault");
        assertThatThrownBy(() -> parse(registers + "status: {register: st, values: [{value: 1, level: warning}]}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a 'code'");
    }

    @Test
    void aRegisterMapFromTheRegistryBecomesTheSameProfileAsItsFile() {
        // given
        ModbusRegisterMap map = new ModbusRegisterMap("meter-x", List.of(
                new ModbusRegisterMap.Register("energy_wh", 0, "uint32", "low-word-first", null, "Wh", false),
                new ModbusRegisterMap.Register("state", 2, "uint16", null, new BigDecimal("1"), null, false)),
                new ModbusRegisterMap.StatusRegister("state",
                        List.of(new ModbusRegisterMap.StatusValue(3, ModbusRegisterMap.StatusLevel.FAULT, null))));

        // when
        RegisterProfile fromMap = RegisterProfiles.fromMap(map);

        // then
        assertThat(fromMap).isEqualTo(parse("""
                name: meter-x
                registers:
                  - {name: energy_wh, address: 0, type: uint32, wordOrder: low-word-first, unit: Wh}
                  - {name: state, address: 2, type: uint16}
                status:
                  register: state
                  values:
                    - {value: 3, level: fault}
                """));
    }

    private static RegisterProfile parse(String yaml) {
        return RegisterProfiles.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
