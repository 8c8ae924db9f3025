package io.fleetcare.gateway.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import java.time.Duration;

/**
 * The j2mod edge: the only class that sees j2mod's master and register types. Each request is tried once (j2mod
 * would otherwise repeat it up to five times), and any failure other than a Modbus exception answer drops the
 * connection, so that the next request starts on a fresh one.
 */
final class ModbusTcpLink implements RegisterLink {

    private static final int GATEWAY_PATH_UNAVAILABLE = 10;
    private static final int GATEWAY_TARGET_FAILED_TO_RESPOND = 11;

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private ModbusTCPMaster master;

    /**
     * @param timeout for connecting and for each answer; at least 1 ms
     */
    ModbusTcpLink(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    @Override
    public int[] read(int unitId, int address, int count) throws ModbusFailure {
        ModbusTCPMaster connected = connected();
        Register[] registers;
        try {
            registers = connected.readMultipleRegisters(unitId, address, count);
        } catch (ModbusException e) {
            throw failure(e, "reading " + count + " registers at " + address);
        }
        if (registers == null || registers.length != count) {
            close();
            throw new ModbusFailure(ModbusFailure.Reason.NO_ANSWER, "asked for " + count + " registers at " + address
                    + ", got " + (registers == null ? 0 : registers.length));
        }
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = registers[i].toUnsignedShort();
        }
        return words;
    }

    @Override
    public void write(int unitId, int address, int[] words) throws ModbusFailure {
        ModbusTCPMaster connected = connected();
        try {
            if (words.length == 1) {
                connected.writeSingleRegister(unitId, address, new SimpleRegister(words[0]));
            } else {
                Register[] registers = new Register[words.length];
                for (int i = 0; i < words.length; i++) {
                    registers[i] = new SimpleRegister(words[i]);
                }
                connected.writeMultipleRegisters(unitId, address, registers);
            }
        } catch (ModbusException e) {
            throw failure(e, "writing " + words.length + " registers at " + address);
        }
    }

    @Override
    public void close() {
        if (master != null) {
            try {
                master.disconnect();
            } catch (RuntimeException e) {
                // the connection is gone either way
            }
            master = null;
        }
    }

    private ModbusTCPMaster connected() throws ModbusFailure {
        if (master != null && master.isConnected()) {
            return master;
        }
        close();
        ModbusTCPMaster fresh = new ModbusTCPMaster(host, port, timeoutMillis, false, false);
        try {
            fresh.connect();
        } catch (Exception e) {
            fresh.disconnect();
            throw new ModbusFailure(ModbusFailure.Reason.NO_CONNECTION, "cannot connect to " + host + ":" + port
                    + ": " + e.getMessage());
        }
        fresh.setRetries(1);
        master = fresh;
        return fresh;
    }

    private ModbusFailure failure(ModbusException e, String what) {
        if (e instanceof ModbusSlaveException answer) {
            int code = answer.getType();
            ModbusFailure.Reason reason = code == GATEWAY_PATH_UNAVAILABLE || code == GATEWAY_TARGET_FAILED_TO_RESPOND
                    ? ModbusFailure.Reason.GATEWAY_TARGET_UNREACHABLE : ModbusFailure.Reason.DEVICE_EXCEPTION;
            return new ModbusFailure(reason, what + ": exception " + code + " (" + e.getMessage() + ")");
        }
        close();
        return new ModbusFailure(ModbusFailure.Reason.NO_ANSWER, what + ": " + e.getMessage());
    }
}
