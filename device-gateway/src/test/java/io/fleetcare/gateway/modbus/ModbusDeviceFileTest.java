package io.fleetcare.gateway.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.events.DeviceType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModbusDeviceFileTest {

    private static final RegisterProfiles PROFILES = RegisterProfiles.load(List.of());
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    @Test
    void fullEntryIsReadAsWritten() {
        // when
        List<ModbusDevice> devices = parse("""
                devices:
                  - deviceId: EM-7
                    host: 192.0.2.10
                    port: 1502
                    unitId: 7
                    model: METER-3
                    deviceType: ENERGY_METER
                    profile: charger-default
                    pollInterval: PT2.5S
                """);

        // then
        assertThat(devices).singleElement().satisfies(device -> {
            assertThat(device.deviceId()).isEqualTo("EM-7");
            assertThat(device.host()).isEqualTo("192.0.2.10");
            assertThat(device.port()).isEqualTo(1502);
            assertThat(device.unitId()).isEqualTo(7);
            assertThat(device.model()).isEqualTo("METER-3");
            assertThat(device.deviceType()).isEqualTo(DeviceType.ENERGY_METER);
            assertThat(device.profile().name()).isEqualTo("charger-default");
            assertThat(device.pollInterval()).isEqualTo(Duration.ofMillis(2500));
        });
    }

    @Test
    void minimalEntryGetsTheDefaults() {
        // when
        ModbusDevice device = parse("devices:\n  - {deviceId: CP-M-1, host: site-7.local}\n").get(0);

        // then
        assertThat(device.port()).isEqualTo(502);
        assertThat(device.unitId()).isEqualTo(1);
        assertThat(device.model()).isNull();
        assertThat(device.deviceType()).isEqualTo(DeviceType.EV_CHARGER);
        assertThat(device.profile().name()).isEqualTo(RegisterProfiles.CHARGER_DEFAULT);
        assertThat(device.pollInterval()).isEqualTo(DEFAULT_INTERVAL);
    }

    @Test
    void invalidEntriesAreRefusedWithTheEntryNamed() {
        assertThatThrownBy(() -> parse("devices:\n  - {deviceId: A, host: h, profile: nope}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("devices[0]")
                .hasMessageContaining("unknown profile 'nope'");
        assertThatThrownBy(() -> parse("devices:\n  - {deviceId: A}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'host' is required");
        assertThatThrownBy(() -> parse("devices:\n  - {deviceId: A, host: h, unitId: 256}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unitId");
        assertThatThrownBy(() -> parse("devices:\n  - {deviceId: A, host: h, pollInterval: 5s}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> parse("devices:\n  - {deviceId: A, host: h, deviceType: TOASTER}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deviceType");
        assertThatThrownBy(() -> parse("devices:\n  - {deviceId: A, host: h}\n  - {deviceId: A, host: g}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }

    private static List<ModbusDevice> parse(String yaml) {
        return ModbusDeviceFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "devices.yaml",
                PROFILES, DEFAULT_INTERVAL);
    }
}
