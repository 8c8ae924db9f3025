package io.fleetcare.gateway.modbus;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How a value is laid out in 16-bit holding registers. Integer types are two's complement where signed; {@code
 * FLOAT32} is IEEE 754 single precision. Words are unsigned 16-bit values (0-65535) in address order.
 */
public enum RegisterType {
    UINT16(1, 0, 0xFFFFL),
    INT16(1, Short.MIN_VALUE, Short.MAX_VALUE),
    UINT32(2, 0, 0xFFFF_FFFFL),
    INT32(2, Integer.MIN_VALUE, Integer.MAX_VALUE),
    FLOAT32(2, 0, 0);

    private final int words;
    private final long min;
    private final long max;

    RegisterType(int words, long min, long max) {
        this.words = words;
        this.min = min;
        this.max = max;
    }

    /** How many registers a value of this type takes (1 or 2). */
    public int words() {
        return words;
    }

    /**
     * The raw (unscaled) value stored at {@code words[offset]} onwards, as an exact decimal: integers as they are,
     * a float32 as the shortest decimal that reads back as the same float (so 1234.56f is 1234.56, not
     * 1234.56005859375).
     *
     * @param words  register contents in address order, each 0-65535; never null
     * @param offset index of the value's first register in {@code words}
     * @return null when a float32 is NaN or infinite
     * @throws IndexOutOfBoundsException when {@code words} ends before the value does
     */
    public BigDecimal decode(int[] words, int offset, WordOrder order) {
        if (this.words == 1) {
            int word = words[offset] & 0xFFFF;
            return BigDecimal.valueOf(this == INT16 ? (short) word : word);
        }
        int first = words[offset] & 0xFFFF;
        int second = words[offset + 1] & 0xFFFF;
        int bits = order == WordOrder.HIGH_WORD_FIRST ? first << 16 | second : second << 16 | first;
        return switch (this) {
            case UINT32 -> BigDecimal.valueOf(Integer.toUnsignedLong(bits));
            case INT32 -> BigDecimal.valueOf(bits);
            case FLOAT32 -> {
                float value = Float.intBitsToFloat(bits);
                yield Float.isFinite(value) ? new BigDecimal(Float.toString(value)) : null;
            }
            default -> throw new IllegalStateException(name());
        };
    }

    /**
     * The registers that store {@code raw} (an unscaled value), in address order.
     *
     * @throws IllegalArgumentException when {@code raw} is not finite, or (integer types) not a whole number or
     *                                  outside the type's range
     */
    public int[] encode(BigDecimal raw, WordOrder order) {
        int bits;
        if (this == FLOAT32) {
            float value = raw.floatValue();
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException(raw + " does not fit a float32");
            }
            bits = Float.floatToIntBits(value);
        } else {
            long whole;
            try {
                whole = raw.stripTrailingZeros().longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(raw + " is not a whole number for a " + label());
            }
            if (whole < min || whole > max) {
                throw new IllegalArgumentException(raw + " is outside the range of a " + label() + " (" + min + " to "
                        + max + ")");
            }
            bits = (int) whole;
        }
        if (words == 1) {
            return new int[] {bits & 0xFFFF};
        }
        int high = bits >>> 16;
        int low = bits & 0xFFFF;
        return order == WordOrder.HIGH_WORD_FIRST ? new int[] {high, low} : new int[] {low, high};
    }

    /** The name used in profiles, e.g. {@code uint32}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a profile's {@code type}: {@code uint16}, {@code int16}, {@code uint32}, {@code int32} or
     * {@code float32} (any case).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static RegisterType parse(String text) {
        for (RegisterType type : values()) {
            if (type.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("type must be one of uint16, int16, uint32, int32, float32, not '" + text
                + "'");
    }
}
