package io.fleetcare.gateway.modbus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * One value in a register map: the metric {@code name} it becomes, where it starts (0-based holding register
 * address), how it is stored, and {@code scale}, the factor from the stored number to the value in {@code unit}
 * (a temperature stored "x10" has scale 0.1).
 *
 * @param name      metric name, e.g. {@code temperature_c}; never null
 * @param address   0-based address of the first register, 0-65535
 * @param type      never null
 * @param wordOrder for 32-bit types; never null
 * @param scale     value = stored number x scale; never null, not zero
 * @param unit      what the value is measured in, e.g. {@code °C}; empty when dimensionless, never null
 * @param writable  whether commands may write it
 */
public record ProfileRegister(String name, int address, RegisterType type, WordOrder wordOrder, BigDecimal scale,
                              String unit, boolean writable) {

    public ProfileRegister {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(wordOrder, "wordOrder");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(unit, "unit");
        if (scale.signum() == 0) {
            throw new IllegalArgumentException("scale of " + name + " must not be 0");
        }
        if (address < 0 || address + type.words() - 1 > 0xFFFF) {
            throw new IllegalArgumentException("address of " + name + " must be 0-65535 (all its registers), not "
                    + address);
        }
    }

    /** The address after this value's last register. */
    public int end() {
        return address + type.words();
    }

    /**
     * This value, scaled, out of a block of registers read from {@code blockStart} on.
     *
     * @return null when a float32 is NaN or infinite
     * @throws IndexOutOfBoundsException when the block does not hold all of this value's registers
     */
    public Double decode(int[] block, int blockStart) {
        BigDecimal raw = type.decode(block, address - blockStart, wordOrder);
        return raw == null ? null : raw.multiply(scale).doubleValue();
    }

    /**
     * The registers that store {@code value} (in {@code unit}), in address order.
     *
     * @throws IllegalArgumentException when the value is not finite, or its stored number is not a whole number or
     *                                  outside the type's range
     */
    public int[] encode(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number");
        }
        BigDecimal raw = new BigDecimal(Double.toString(value)).divide(scale, MathContext.DECIMAL64);
        try {
            return type.encode(raw, wordOrder);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " = " + value + ": " + e.getMessage());
        }
    }
}
