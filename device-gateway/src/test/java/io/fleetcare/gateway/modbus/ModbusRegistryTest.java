package io.fleetcare.gateway.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.ModbusRegisterMap;
import io.fleetcare.events.ModbusRegistration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModbusRegistryTest {

    private final RecordingTarget target = new RecordingTarget();
    private final ModbusRegistry registry = new ModbusRegistry(RegisterProfiles.load(List.of()), target);

    @Test
    void aRegistrationWithABuiltInProfileStartsPollingAndATombstoneStopsIt() {
        // when
        registry.device("CP-R-1", registration("CP-R-1", "charger-default", 1500));
        registry.device("CP-R-1", null);

        // then
        assertThat(target.log).containsExactly("register CP-R-1 charger-default PT1.5S", "remove CP-R-1");
    }

    @Test
    void aRegistrationWaitsForItsProfileAndAChangedProfileReRegistersItsDevices() {
        // when
        registry.device("EM-R-1", registration("EM-R-1", "meter-r", 1000));
        registry.registerMap("meter-r", map("meter-r", "energy_wh"));
        registry.registerMap("meter-r", map("meter-r", "energy_total_wh"));

        // then
        assertThat(target.rejected).containsExactly("EM-R-1 unknown_profile");
        assertThat(target.log).containsExactly("register EM-R-1 meter-r PT1S", "register EM-R-1 meter-r PT1S");
        assertThat(target.devices.get(1).profile().registers()).extracting(ProfileRegister::name)
                .containsExactly("energy_total_wh");
    }

    @Test
    void aRegistrationUnderAnotherDevicesKeyIsRejected() {
        // when
        registry.device("CP-R-2", registration("CP-R-3", "charger-default", 1000));

        // then
        assertThat(target.rejected).containsExactly("CP-R-2 key_mismatch");
        assertThat(target.log).isEmpty();
    }

    private static ModbusRegistration registration(String id, String profile, long millis) {
        return new ModbusRegistration(id, DeviceType.EV_CHARGER, null, "127.0.0.1", 502, 1, profile, millis);
    }

    private static ModbusRegisterMap map(String name, String register) {
        return new ModbusRegisterMap(name, List.of(new ModbusRegisterMap.Register(register, 0, "uint32", null, null,
                "Wh", false)), null);
    }

    private static final class RecordingTarget implements ModbusRegistry.Target {
        final List<String> log = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        final List<ModbusDevice> devices = new ArrayList<>();

        @Override
        public void register(ModbusDevice device) {
            devices.add(device);
            log.add("register " + device.deviceId() + " " + device.profile().name() + " " + device.pollInterval());
        }

        @Override
        public boolean remove(String deviceId) {
            log.add("remove " + deviceId);
            return true;
        }

        @Override
        public void rejected(String deviceId, String reason) {
            rejected.add(deviceId + " " + reason);
        }
    }
}
