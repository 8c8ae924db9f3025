package io.fleetcare.events;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Modbus TCP device the gateways poll, as the service API publishes it on the compacted topic
 * {@link Topics#MODBUS_DEVICES}, keyed by device id. A record with the device id as key and no value (a tombstone)
 * removes the device: the gateway stops polling it.
 *
 * @param deviceId         1-64 letters, digits or {@code . _ : -}; never null
 * @param deviceType       never null
 * @param model            may be null
 * @param host             name or address of the device or its site controller; never null or blank
 * @param port             TCP port, 1-65535
 * @param unitId           Modbus unit id behind that address, 0-255
 * @param profile          name of the register map ({@link ModbusRegisterMap#name()}); never null
 * @param pollIntervalMillis time between the starts of two polls, 100 ms to 1 hour
 */
public record ModbusRegistration(String deviceId, DeviceType deviceType, String model, String host, int port,
                                 int unitId, String profile, long pollIntervalMillis) {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** The shortest poll interval a registration may ask for. */
    public static final long MIN_POLL_INTERVAL_MILLIS = 100;
    /** The longest poll interval a registration may ask for. */
    public static final long MAX_POLL_INTERVAL_MILLIS = 3_600_000;

    /** @throws IllegalArgumentException listing every problem ({@link #problems}) */
    public ModbusRegistration {
        List<String> problems = problems(deviceId, deviceType, host, port, unitId, profile, pollIntervalMillis);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Every reason why these fields do not make a registration; empty when they do. Never null. */
    public static List<String> problems(String deviceId, DeviceType deviceType, String host, int port, int unitId,
            String profile, long pollIntervalMillis) {
        List<String> problems = new ArrayList<>();
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            problems.add("deviceId must be 1-64 letters, digits or . _ : -");
        }
        if (deviceType == null) {
            problems.add("deviceType is required");
        }
        if (host == null || host.isBlank() || host.length() > 253 || host.chars().anyMatch(Character::isWhitespace)) {
            problems.add("host must be a host name or address (at most 253 characters, no spaces)");
        }
        if (port < 1 || port > 65535) {
            problems.add("port must be 1-65535");
        }
        if (unitId < 0 || unitId > 255) {
            problems.add("unitId must be 0-255");
        }
        if (profile == null || !ModbusRegisterMap.NAME.matcher(profile).matches()) {
            problems.add("profile must name a register map (" + ModbusRegisterMap.NAME_RULE + ")");
        }
        if (pollIntervalMillis < MIN_POLL_INTERVAL_MILLIS || pollIntervalMillis > MAX_POLL_INTERVAL_MILLIS) {
            problems.add("pollIntervalMillis must be " + MIN_POLL_INTERVAL_MILLIS + "-" + MAX_POLL_INTERVAL_MILLIS);
        }
        return problems;
    }
}
