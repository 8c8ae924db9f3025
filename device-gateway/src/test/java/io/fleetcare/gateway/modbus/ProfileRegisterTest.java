package io.fleetcare.gateway.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ProfileRegisterTest {

    @Test
    void uint16TakesTheWholeWordAsUnsigned() {
        // given
        ProfileRegister register = register(RegisterType.UINT16, WordOrder.HIGH_WORD_FIRST, "1");

        // when
        Double value = register.decode(new int[] {0xFFFF}, 0);

        // then
        assertThat(value).isEqualTo(65535.0);
    }

    @Test
    void int16ReadsTwosComplementAndScalesByTheFactor() {
        // given a temperature stored x10
        ProfileRegister register = register(RegisterType.INT16, WordOrder.HIGH_WORD_FIRST, "0.1");

        // when
        Double belowZero = register.decode(new int[] {0xFF83}, 0);
        Double aboveZero = register.decode(new int[] {715}, 0);

        // then
        assertThat(belowZero).isEqualTo(-12.5);
        assertThat(aboveZero).isEqualTo(71.5);
    }

    @Test
    void scaledValuesAreTheDecimalNotTheBinaryProduct() {
        // given a current stored x100
        ProfileRegister register = register(RegisterType.UINT16, WordOrder.HIGH_WORD_FIRST, "0.01");

        // when
        Double value = register.decode(new int[] {1607}, 0);

        // then 1607 * 0.01 in binary floating point would be 16.070000000000000284...
        assertThat(value).isEqualTo(16.07);
    }

    @Test
    void uint32HighWordFirstAboveTheInt32Range() {
        // given
        ProfileRegister register = register(RegisterType.UINT32, WordOrder.HIGH_WORD_FIRST, "1");

        // when 0xC000_0001 = 3,221,225,473
        Double value = register.decode(new int[] {0xC000, 0x0001}, 0);

        // then
        assertThat(value).isEqualTo(3_221_225_473.0);
    }

    @Test
    void uint32LowWordFirstSwapsTheWords() {
        // given
        ProfileRegister register = register(RegisterType.UINT32, WordOrder.LOW_WORD_FIRST, "1");

        // when
        Double value = register.decode(new int[] {0x0001, 0xC000}, 0);

        // then
        assertThat(value).isEqualTo(3_221_225_473.0);
    }

    @Test
    void int32ReadsNegativeValuesInBothWordOrders() {
        // given -100,000 = 0xFFFE_7960
        ProfileRegister highFirst = register(RegisterType.INT32, WordOrder.HIGH_WORD_FIRST, "0.001");
        ProfileRegister lowFirst = register(RegisterType.INT32, WordOrder.LOW_WORD_FIRST, "0.001");

        // when
        Double high = highFirst.decode(new int[] {0xFFFE, 0x7960}, 0);
        Double low = lowFirst.decode(new int[] {0x7960, 0xFFFE}, 0);

        // then
        assertThat(high).isEqualTo(-100.0);
        assertThat(low).isEqualTo(-100.0);
    }

    @Test
    void float32InBothWordOrdersReadsAsTheShortestDecimal() {
        // given 1234.56f = 0x449A_51EC
        ProfileRegister highFirst = register(RegisterType.FLOAT32, WordOrder.HIGH_WORD_FIRST, "1");
        ProfileRegister lowFirst = register(RegisterType.FLOAT32, WordOrder.LOW_WORD_FIRST, "1");

        // when
        Double high = highFirst.decode(new int[] {0x449A, 0x51EC}, 0);
        Double low = lowFirst.decode(new int[] {0x51EC, 0x449A}, 0);

        // then
        assertThat(high).isEqualTo(1234.56);
        assertThat(low).isEqualTo(1234.56);
    }

    @Test
    void float32NotANumberGivesNoValue() {
        // given
        ProfileRegister register = register(RegisterType.FLOAT32, WordOrder.HIGH_WORD_FIRST, "1");

        // when
        Double value = register.decode(new int[] {0x7FC0, 0x0000}, 0);

        // then
        assertThat(value).isNull();
    }

    @Test
    void valuesAreFoundByTheirAddressInsideALargerBlock() {
        // given a register at address 6 in a block read from address 4
        ProfileRegister register = new ProfileRegister("power_w", 6, RegisterType.FLOAT32, WordOrder.HIGH_WORD_FIRST,
                BigDecimal.ONE, "W", false);

        // when
        Double value = register.decode(new int[] {0, 0, 0x45E1, 0x0400}, 4);

        // then 0x45E1_0400 = 7200.5f
        assertThat(value).isEqualTo(7200.5);
    }

    @Test
    void encodingDividesByTheScaleAndHonoursTheWordOrder() {
        // given
        ProfileRegister setpoint = register(RegisterType.UINT16, WordOrder.HIGH_WORD_FIRST, "0.1");
        ProfileRegister energy = register(RegisterType.UINT32, WordOrder.LOW_WORD_FIRST, "1");
        ProfileRegister power = register(RegisterType.FLOAT32, WordOrder.HIGH_WORD_FIRST, "1");

        // when / then
        assertThat(setpoint.encode(21.5)).containsExactly(215);
        assertThat(energy.encode(3_221_225_473.0)).containsExactly(0x0001, 0xC000);
        assertThat(power.encode(1234.56)).containsExactly(0x449A, 0x51EC);
    }

    @Test
    void encodingRefusesValuesTheTypeCannotHold() {
        // given
        ProfileRegister uint16 = register(RegisterType.UINT16, WordOrder.HIGH_WORD_FIRST, "1");
        ProfileRegister int16 = register(RegisterType.INT16, WordOrder.HIGH_WORD_FIRST, "0.1");

        // when / then
        assertThatThrownBy(() -> uint16.encode(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the range");
        assertThatThrownBy(() -> uint16.encode(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> uint16.encode(16.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> int16.encode(3276.8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> uint16.encode(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(int16.encode(-3276.8)).containsExactly(0x8000);
    }

    private static ProfileRegister register(RegisterType type, WordOrder order, String scale) {
        return new ProfileRegister("value", 0, type, order, new BigDecimal(scale), "", true);
    }
}
