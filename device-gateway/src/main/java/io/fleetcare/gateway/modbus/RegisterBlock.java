package io.fleetcare.gateway.modbus;

/**
 * A run of consecutive holding registers read with one request.
 *
 * @param address first register, 0-based
 * @param count   how many, 1-125 (the most one Modbus read may return)
 */
public record RegisterBlock(int address, int count) {

    /** The most registers one "read holding registers" request may ask for. */
    public static final int MAX_COUNT = 125;

    public RegisterBlock {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("a block holds 1-" + MAX_COUNT + " registers, not " + count);
        }
    }

    /** The address after the block's last register. */
    public int end() {
        return address + count;
    }
}
