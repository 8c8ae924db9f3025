package io.fleetcare.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import io.fleetcare.simulator.charger.ChargerSignals;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The charger as a real Modbus TCP slave, read and written by j2mod's own master as the gateway does. */
class ModbusChargerIT {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private ModbusCharger charger;
    private ModbusTCPMaster master;

    @AfterEach
    void stop() {
        if (master != null) {
            master.disconnect();
        }
        if (charger != null) {
            charger.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void aChargingChargerServesTheContractsRegisterMapWithAGrowingEnergyRegister() throws Exception {
        charger = start(true);

        Register[] first = master.readMultipleRegisters(ModbusCharger.UNIT_ID, 0, 8);
        double temperatureC = (short) first[1].getValue() / 10.0;
        double voltageV = first[2].toUnsignedShort() / 10.0;
        long energyWh = energy(first);
        float powerW = Float.intBitsToFloat(first[6].toUnsignedShort() << 16 | first[7].toUnsignedShort());

        assertThat(first[0].toUnsignedShort()).as("status ok").isZero();
        assertThat(temperatureC).isBetween(5.0, 60.0);
        assertThat(voltageV).isBetween(210.0, 250.0);
        assertThat(first[3].toUnsignedShort() / 100.0).as("current A").isBetween(10.0, 20.0);
        assertThat(powerW).isBetween(9_000f, 12_000f);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(energy(master.readMultipleRegisters(ModbusCharger.UNIT_ID, 0, 8))).isGreaterThan(energyWh));
    }

    @Test
    void theCurrentSetpointIsWritableAndReadBack() throws Exception {
        charger = start(false);

        assertThat(master.readMultipleRegisters(ModbusCharger.UNIT_ID, 10, 1)[0].toUnsignedShort()).isEqualTo(32);
        master.writeSingleRegister(ModbusCharger.UNIT_ID, 10, new SimpleRegister(16));

        assertThat(master.readMultipleRegisters(ModbusCharger.UNIT_ID, 10, 1)[0].toUnsignedShort()).isEqualTo(16);
        assertThat(charger.register(3)).as("an idle charger draws no current").isZero();
    }

    @Test
    void aChargingChargersCurrentFollowsTheWrittenSetpoint() throws Exception {
        charger = start(true);
        assertThat(master.readMultipleRegisters(ModbusCharger.UNIT_ID, 3, 1)[0].toUnsignedShort() / 100.0)
                .as("unlimited: the vehicle draws about 16 A").isGreaterThan(12.0);

        master.writeSingleRegister(ModbusCharger.UNIT_ID, 10, new SimpleRegister(8));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Register[] r = master.readMultipleRegisters(ModbusCharger.UNIT_ID, 0, 8);
            assertThat(r[3].toUnsignedShort() / 100.0).as("current A").isBetween(7.0, 8.0);
            assertThat(Float.intBitsToFloat(r[6].toUnsignedShort() << 16 | r[7].toUnsignedShort()))
                    .as("power W").isBetween(3 * 210 * 7f, 3 * 250 * 8f);
        });
        master.writeSingleRegister(ModbusCharger.UNIT_ID, 10, new SimpleRegister(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> charger.register(3) == 0);
        master.writeSingleRegister(ModbusCharger.UNIT_ID, 10, new SimpleRegister(32));
        await().atMost(Duration.ofSeconds(5)).until(() -> charger.register(3) > 1_200);
    }

    @Test
    void aClosedChargerAnswersNoMorePolls() throws Exception {
        charger = start(true);
        master.readMultipleRegisters(ModbusCharger.UNIT_ID, 0, 8);

        charger.close();

        assertThatThrownBy(() -> master.readMultipleRegisters(ModbusCharger.UNIT_ID, 0, 8))
                .isInstanceOf(com.ghgande.j2mod.modbus.ModbusException.class);
    }

    private ModbusCharger start(boolean charging) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ModbusCharger started = ModbusCharger.start("MB-T-01", port, new ChargerSignals(7, null), charging,
                Duration.ofMillis(200), scheduler);
        master = new ModbusTCPMaster("127.0.0.1", port, 1000, false);
        master.connect();
        return started;
    }

    private static long energy(Register[] r) {
        return ((long) r[4].toUnsignedShort() << 16) | r[5].toUnsignedShort();
    }
}
