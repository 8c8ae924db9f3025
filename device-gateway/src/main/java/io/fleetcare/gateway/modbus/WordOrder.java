package io.fleetcare.gateway.modbus;

import java.util.Locale;

/** In which order a 32-bit value's two 16-bit registers sit; the bytes within a register are always big-endian. */
public enum WordOrder {
    /** The register at the lower address holds the high 16 bits (Modbus' usual "big-endian" layout). */
    HIGH_WORD_FIRST,
    /** The register at the lower address holds the low 16 bits ("word-swapped"). */
    LOW_WORD_FIRST;

    /**
     * Reads a profile's {@code wordOrder}: {@code high-word-first} or {@code low-word-first} (case and {@code -}/{@code _}
     * do not matter).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static WordOrder parse(String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (WordOrder order : values()) {
            if (order.name().equals(normalized)) {
                return order;
            }
        }
        throw new IllegalArgumentException("word order must be high-word-first or low-word-first, not '" + text + "'");
    }
}
