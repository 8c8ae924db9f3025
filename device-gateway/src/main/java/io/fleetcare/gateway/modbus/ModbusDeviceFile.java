package io.fleetcare.gateway.modbus;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcare.events.DeviceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the list of polled devices ({@code fleetcare.modbus.devices-file}):
 * <pre>
 * devices:
 *   - deviceId: CP-M-0001
 *     host: 192.0.2.10
 *     port: 502                 # default 502
 *     unitId: 1                 # default 1
 *     model: AC-22-MB           # optional
 *     deviceType: EV_CHARGER    # default EV_CHARGER
 *     profile: charger-default  # default charger-default
 *     pollInterval: PT10S       # default fleetcare.modbus.default-poll-interval
 * </pre>
 */
public final class ModbusDeviceFile {

    private ModbusDeviceFile() {
    }

    /**
     * @param profiles        the register maps devices may name; never null
     * @param defaultInterval for devices without {@code pollInterval}; never null
     * @throws IllegalArgumentException naming the entry and field when the file is not valid (also for unknown
     *                                  profiles and device ids listed twice)
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static List<ModbusDevice> read(Path file, RegisterProfiles profiles, Duration defaultInterval) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), profiles, defaultInterval);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Modbus devices file " + file, e);
        }
    }

    /** As {@link #read}, from a stream; {@code source} names it in error messages. */
    public static List<ModbusDevice> parse(InputStream in, String source, RegisterProfiles profiles,
            Duration defaultInterval) {
        JsonNode root = YamlDocument.read(in, source);
        YamlDocument.onlyFields(root, source, Set.of("devices"));
        JsonNode entries = root.get("devices");
        if (entries == null || entries.isNull()) {
            return List.of();
        }
        if (!entries.isArray()) {
            throw new IllegalArgumentException(source + ": 'devices' must be a list");
        }
        List<ModbusDevice> devices = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ModbusDevice device = device(entries.get(i), source + ": devices[" + i + "]", profiles, defaultInterval);
            if (!ids.add(device.deviceId())) {
                throw new IllegalArgumentException(source + ": device " + device.deviceId() + " is listed twice");
            }
            devices.add(device);
        }
        return List.copyOf(devices);
    }

    private static ModbusDevice device(JsonNode node, String where, RegisterProfiles profiles,
            Duration defaultInterval) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping");
        }
        YamlDocument.onlyFields(node, where,
                Set.of("deviceId", "host", "port", "unitId", "model", "deviceType", "profile", "pollInterval"));
        String deviceId = YamlDocument.text(node, "deviceId", where, null);
        String profileName = YamlDocument.text(node, "profile", where, RegisterProfiles.CHARGER_DEFAULT);
        RegisterProfile profile = profiles.find(profileName).orElseThrow(() -> new IllegalArgumentException(
                where + ": unknown profile '" + profileName + "'"));
        String type = YamlDocument.text(node, "deviceType", where, DeviceType.EV_CHARGER.name());
        DeviceType deviceType;
        try {
            deviceType = DeviceType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": deviceType must be one of EV_CHARGER, SET_TOP_BOX, "
                    + "ENERGY_METER, not '" + type + "'");
        }
        return new ModbusDevice(deviceId, deviceType,
                node.hasNonNull("model") ? YamlDocument.text(node, "model", where, null) : null,
                YamlDocument.text(node, "host", where, null),
                YamlDocument.integer(node, "port", where, 502, 1, 65535),
                YamlDocument.integer(node, "unitId", where, 1, 0, 255),
                profile,
                YamlDocument.duration(node, "pollInterval", where, defaultInterval));
    }
}
