package io.fleetcare.gateway.modbus;

/**
 * A connection to one Modbus TCP address, opened on first use and again after {@link #close()}. Not thread-safe:
 * one device's polls and writes take turns.
 */
interface RegisterLink extends AutoCloseable {

    /**
     * Reads holding registers (function 3).
     *
     * @return {@code count} unsigned 16-bit words in address order; never null
     * @throws ModbusFailure when the device cannot be reached, does not answer in time or answers with an exception
     */
    int[] read(int unitId, int address, int count) throws ModbusFailure;

    /**
     * Writes holding registers (function 6 for one word, 16 for more).
     *
     * @param words unsigned 16-bit words in address order; never null, not empty
     * @throws ModbusFailure as {@link #read}
     */
    void write(int unitId, int address, int[] words) throws ModbusFailure;

    /** Drops the connection, if any; the next read or write opens a new one. Never fails. */
    @Override
    void close();
}
