package io.fleetcare.gateway.modbus;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceStatus;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.ModbusRegisterMap;
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
 * {@code modbus/{deviceId}/connection/{ts}/{CONNECTED|DISCONNECTED}} and {@code modbus/{deviceId}/status/{ts}}: a device is polled by one gateway instance,
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

    /** The state of a STATUS event whose status value means ok or a warning. */
    public static final String AVAILABLE = "Available";
    /** The state of a STATUS event whose status value means a fault. */
    public static final String FAULTED = "Faulted";
    /** The state of a STATUS event whose status value the profile does not explain. */
    public static final String UNKNOWN = "Unknown";
    /** The error code of an ok status. */
    public static final String NO_ERROR = "NoError";
    /** The error code of a status value the profile does not explain. */
    public static final String OTHER_ERROR = "OtherError";

    /**
     * {@code STATUS} of the whole device (connector 0) from its status register, in the platform's protocol-neutral
     * terms: ok is {@code Available/NoError}, a warning {@code Available} with the profile's code, a fault
     * {@code Faulted} with the profile's code (or none), a value the profile does not explain
     * {@code Unknown/OtherError}. The raw value is the vendor code.
     *
     * @param meaning what the profile says {@code value} means; null when it does not say
     */
    public static DeviceEvent status(ModbusDevice device, int value, ModbusRegisterMap.StatusValue meaning,
            Instant ts) {
        DeviceStatus status;
        if (meaning == null) {
            status = new DeviceStatus(0, UNKNOWN, OTHER_ERROR, String.valueOf(value));
        } else {
            status = switch (meaning.level()) {
                case OK -> new DeviceStatus(0, AVAILABLE, NO_ERROR, String.valueOf(value));
                case WARNING -> new DeviceStatus(0, AVAILABLE, meaning.code(), String.valueOf(value));
                case FAULT -> new DeviceStatus(0, FAULTED, meaning.code(), String.valueOf(value));
            };
        }
        return new DeviceEvent(id("modbus/" + device.deviceId() + "/status/" + ts), device.deviceId(),
                device.deviceType(), device.model(), Protocol.MODBUS, EventKind.STATUS, ts, ts, Map.of(), status, null);
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
