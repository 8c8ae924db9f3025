package io.fleetcare.simulator.modbus;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/** Holding registers 0..count-1 of one unit, as a simulated device serves them; answers nothing once silent. */
final class RegisterImage extends SimpleProcessImage {

    private volatile boolean silent;

    RegisterImage(int unitId, int count) {
        super(unitId);
        for (int i = 0; i < count; i++) {
            addRegister(new SimpleRegister(0));
        }
    }

    void put(int address, int value) {
        getRegister(address).setValue(value & 0xFFFF);
    }

    /** A 32-bit value in two registers, the high word at {@code address} or at {@code address + 1}. */
    void put32(int address, int value, boolean highWordFirst) {
        put(highWordFirst ? address : address + 1, value >>> 16);
        put(highWordFirst ? address + 1 : address, value & 0xFFFF);
    }

    int unsigned(int address) {
        return getRegister(address).toUnsignedShort();
    }

    /** From now on every read fails with "illegal data address", also on connections already open. */
    void silence() {
        silent = true;
    }

    @Override
    public Register[] getRegisterRange(int offset, int count) {
        if (silent) {
            throw new IllegalAddressException("silent");
        }
        return super.getRegisterRange(offset, count);
    }
}
