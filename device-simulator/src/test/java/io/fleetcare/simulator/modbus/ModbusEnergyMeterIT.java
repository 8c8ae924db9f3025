package io.fleetcare.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import io.fleetcare.simulator.meter.EnergyMeterSignals;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The energy meter as a real Modbus TCP slave, read by j2mod's own master as the gateway does. */
class ModbusEnergyMeterIT {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ModbusEnergyMeter meter;
    private ModbusTCPMaster master;

    @AfterEach
    void stop() {
        if (master != null) {
            master.disconnect();
        }
        if (meter != null) {
            meter.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void servesItsProfilesRegisterMapWithAnImportRegisterThatOnlyGrows() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        meter = ModbusEnergyMeter.start("MB-EM-01", port, new EnergyMeterSignals(5), Duration.ofMillis(200), scheduler);
        master = new ModbusTCPMaster("127.0.0.1", port, 1000, false);
        master.connect();

        Register[] first = master.readMultipleRegisters(ModbusEnergyMeter.UNIT_ID, 0, 6);

        long energyWh = energy(first);
        double powerW = (first[2].toUnsignedShort() << 16 | first[3].toUnsignedShort()) / 10.0;
        assertThat(powerW).isBetween(0.0, 12_000.0);
        assertThat(first[4].toUnsignedShort() / 10.0).as("voltage V").isBetween(220.0, 240.0);
        assertThat(first[5].toUnsignedShort() / 100.0).as("current A")
                .isCloseTo(powerW / (3 * 230), org.assertj.core.data.Offset.offset(1.0));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(energy(master.readMultipleRegisters(ModbusEnergyMeter.UNIT_ID, 0, 6))).isGreaterThan(energyWh));
        assertThat(ModbusEnergyMeter.PROFILE).contains("{name: energy_wh, address: 0, type: uint32, wordOrder: low-word-first");

        meter.close();
        assertThatThrownBy(() -> master.readMultipleRegisters(ModbusEnergyMeter.UNIT_ID, 0, 6))
                .isInstanceOf(com.ghgande.j2mod.modbus.ModbusException.class);
    }

    /** Low word first: register 0 holds the low 16 bits. */
    private static long energy(Register[] r) {
        return ((long) r[1].toUnsignedShort() << 16) | r[0].toUnsignedShort();
    }
}
