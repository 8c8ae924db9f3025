package io.fleetcare.simulator.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.fleetcare.simulator.charger.ChargerReading;
import io.fleetcare.simulator.charger.ChargerSignals;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An EV charger behind a site controller as a Modbus TCP slave (j2mod) on a loopback port, serving the
 * contract's default charger register map (holding registers, 0-based): 0 status (0 ok), 1 connector temperature
 * x10 int16 °C, 2 voltage x10 V, 3 current x100 A, 4-5 energy uint32 Wh high word first, 6-7 power float32 W high
 * word first, 10 current setpoint A (writable; a written value is kept and read back, and the charger limits the
 * current per phase to it from the next refresh: no charging below 6 A). The values come from
 * {@link ChargerSignals} and are refreshed every {@code interval}, so the energy register only grows.
 */
public final class ModbusCharger implements AutoCloseable {

    /** The unit id the charger answers as. */
    public static final int UNIT_ID = 1;
    private static final int REGISTERS = 11;
    private static final int DEFAULT_SETPOINT_A = 32;
    private static final int SETPOINT = 10;

    private final String deviceId;
    private final RegisterImage image = new RegisterImage(UNIT_ID, REGISTERS);
    private final ChargerSignals signals;
    private final boolean charging;
    private final Instant start = Instant.now();
    private final ModbusSlave slave;
    private int status;
    private ScheduledFuture<?> refreshing;

    private ModbusCharger(String deviceId, ChargerSignals signals, boolean charging, ModbusSlave slave) {
        this.deviceId = deviceId;
        this.signals = signals;
        this.charging = charging;
        this.slave = slave;
    }

    /**
     * Starts listening on {@code 127.0.0.1:port} and refreshes the registers every {@code interval} on
     * {@code scheduler} (owned by the caller).
     *
     * @param charging whether a vehicle draws power the whole time (else the charger idles)
     * @throws IllegalStateException when the port cannot be bound
     */
    public static ModbusCharger start(String deviceId, int port, ChargerSignals signals, boolean charging,
                                      Duration interval, ScheduledExecutorService scheduler) {
        ModbusSlave slave = null;
        try {
            slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
            ModbusCharger charger = new ModbusCharger(deviceId, signals, charging, slave);
            charger.image.put(SETPOINT, DEFAULT_SETPOINT_A);
            charger.refresh();
            slave.addProcessImage(UNIT_ID, charger.image);
            slave.open();
            charger.refreshing = scheduler.scheduleAtFixedRate(charger::refresh, interval.toMillis(),
                    interval.toMillis(), TimeUnit.MILLISECONDS);
            return charger;
        } catch (ModbusException e) {
            if (slave != null) {
                ModbusSlaveFactory.close(slave);
            }
            throw new IllegalStateException("Modbus charger " + deviceId + " cannot listen on port " + port, e);
        }
    }

    /**
     * Sets what the status register (address 0) reports from now on: 0 ok, 1 warning, 2 fault (the contract's
     * {@code charger-default} map).
     */
    public synchronized void reportStatus(int status) {
        if (status < 0 || status > 0xFFFF) {
            throw new IllegalArgumentException("status must fit a 16-bit register, was " + status);
        }
        this.status = status;
        image.put(0, status);
    }

    private synchronized void refresh() {
        ChargerReading r = signals.sample(Duration.between(start, Instant.now()), charging, register(SETPOINT));
        image.put(0, status);
        image.put(1, (int) Math.round(r.temperatureC() * 10));
        image.put(2, (int) Math.round(r.voltageV() * 10));
        image.put(3, (int) Math.round(r.currentA() * 100));
        image.put32(4, (int) ((long) Math.floor(r.energyWh()) & 0xFFFF_FFFFL), true);
        image.put32(6, Float.floatToIntBits((float) r.powerW()), true);
    }

    /** What register {@code address} holds now, as an unsigned 16-bit number. */
    public int register(int address) {
        return image.unsigned(address);
    }

    public String deviceId() {
        return deviceId;
    }

    /** Stops answering at once (also on connections already open) and closes the port. */
    @Override
    public void close() {
        image.silence();
        if (refreshing != null) {
            refreshing.cancel(false);
        }
        ModbusSlaveFactory.close(slave);
    }
}
