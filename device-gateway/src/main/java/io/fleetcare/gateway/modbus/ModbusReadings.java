package io.fleetcare.gateway.modbus;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The only place that maps what a Modbus poll read onto {@link DeviceEvent}s ({@code protocol=MODBUS}). Event ids
 * are name-based UUIDs of {@code modbus/{deviceId}/poll/{ts}} and
 * {@code modbus/{deviceId}/connection/{ts}/{CONNECTED|DISCONNECTED}}: a device is polled by one gateway instance,
 * so its poll times are unique.
 */
public final class ModbusReadings {

    /** The {@code CONNECTION} occurrence of a device that answers again (or for the first time). */
    public static final String CONNECTED = "CONNECTED";
    /** The {@code CONNECTION} occurrence of a device that stopped answering. */
    public static final String DISCONNECTED = "DISCONNECTED";

    private ModbusReadings() {
    }

    /**
     * {@code METRICS}: every register of the profile, scaled, under its name; a float32 that is NaN or infinite is
     * left out.
     *
     * @param blocks what was read, one array per {@link RegisterProfile#readBlocks()} entry in that order; never null
     * @param ts     when the poll's answers arrived; device and received time
     * @throws IllegalArgumentException when the blocks do not match the profile's
     */
    public static DeviceEvent metrics(ModbusDevice device, List<int[]> blocks, Instant ts) {
        List<RegisterBlock> layout = device.profile().readBlocks();
        if (blocks.size() != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " blocks, got " + blocks.size());
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (ProfileRegister register : device.profile().registers()) {
            int index = blockOf(layout, register);
            Double value = register.decode(blocks.get(index), layout.get(index).address());
            if (value != null) {
                metrics.put(register.name(), value);
            }
        }
        return new DeviceEvent(id("modbus/" + device.deviceId() + "/poll/" + ts), device.deviceId(),
                device.deviceType(), device.model(), Protocol.MODBUS, EventKind.METRICS, ts, ts, metrics, null, null);
    }

    /**
     * {@code CONNECTION} with occurrence {@link #CONNECTED} or {@link #DISCONNECTED}.
     *
     * @param reason for DISCONNECTED the failure's reason tag (e.g. {@code no_answer}); may be null
     */
    public static DeviceEvent connection(ModbusDevice device, String name, String reason, Instant ts) {
        return new DeviceEvent(id("modbus/" + device.deviceId() + "/connection/" + ts + "/" + name),
                device.deviceId(), device.deviceType(), device.model(), Protocol.MODBUS, EventKind.CONNECTION, ts, ts,
                Map.of(), null, new DeviceOccurrence(name, reason, null, null));
    }

    private static int blockOf(List<RegisterBlock> layout, ProfileRegister register) {
        for (int i = 0; i < layout.size(); i++) {
            RegisterBlock block = layout.get(i);
            if (register.address() >= block.address() && register.end() <= block.end()) {
                return i;
            }
        }
        throw new IllegalStateException(register.name() + " is in no read block");
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
