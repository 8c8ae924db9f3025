package io.fleetcare.simulator.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.fleetcare.simulator.meter.EnergyMeterSignals;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A three-phase site energy meter as a Modbus TCP slave (j2mod) on a loopback port, unit id 1, serving the register
 * map of the profile {@link #PROFILE} (holding registers, 0-based): 0-1 energy uint32 Wh <b>low word first</b>, 2-3
 * net power int32 W x10, 4 voltage x10 V, 5 current x100 A. The values come from {@link EnergyMeterSignals} and are
 * refreshed every {@code interval}, so the energy register only grows.
 */
public final class ModbusEnergyMeter implements AutoCloseable {

    /** The unit id the meter answers as. */
    public static final int UNIT_ID = 1;
    /** The gateway's register-map profile for this meter (a YAML file for {@code fleetcare.modbus.profile-files}). */
    public static final String PROFILE = """
            name: meter-3ph
            description: three-phase site energy meter (the device simulator's ModbusEnergyMeter)
            registers:
              - {name: energy_wh, address: 0, type: uint32, wordOrder: low-word-first, unit: Wh}
              - {name: net_power_w, address: 2, type: int32, scale: 0.1, unit: W}
              - {name: voltage_v, address: 4, type: uint16, scale: 0.1, unit: V}
              - {name: current_a, address: 5, type: uint16, scale: 0.01, unit: A}
            """;
    private static final int REGISTERS = 6;

    private final String deviceId;
    private final RegisterImage image = new RegisterImage(UNIT_ID, REGISTERS);
    private final EnergyMeterSignals signals;
    private final Instant start = Instant.now();
    private final ModbusSlave slave;
    private ScheduledFuture<?> refreshing;

    private ModbusEnergyMeter(String deviceId, EnergyMeterSignals signals, ModbusSlave slave) {
        this.deviceId = deviceId;
        this.signals = signals;
        this.slave = slave;
    }

    /**
     * Starts listening on {@code 127.0.0.1:port} and refreshes the registers every {@code interval} on
     * {@code scheduler} (owned by the caller).
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static ModbusEnergyMeter start(String deviceId, int port, EnergyMeterSignals signals, Duration interval,
                                          ScheduledExecutorService scheduler) {
        ModbusSlave slave = null;
        try {
            slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
            ModbusEnergyMeter meter = new ModbusEnergyMeter(deviceId, signals, slave);
            meter.refresh();
            slave.addProcessImage(UNIT_ID, meter.image);
            slave.open();
            meter.refreshing = scheduler.scheduleAtFixedRate(meter::refresh, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
            return meter;
        } catch (ModbusException e) {
            if (slave != null) {
                ModbusSlaveFactory.close(slave);
            }
            throw new IllegalStateException("Modbus energy meter " + deviceId + " cannot listen on port " + port, e);
        }
    }

    private synchronized void refresh() {
        EnergyMeterSignals.Reading r = signals.sample(Duration.between(start, Instant.now()));
        image.put32(0, (int) ((long) r.energyWh() & 0xFFFF_FFFFL), false);
        image.put32(2, (int) Math.round(r.powerW() * 10), true);
        image.put(4, (int) Math.round(r.voltageV() * 10));
        image.put(5, (int) Math.round(r.currentA() * 100));
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
