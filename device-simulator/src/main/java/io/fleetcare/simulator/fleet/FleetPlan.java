package io.fleetcare.simulator.fleet;

import io.fleetcare.simulator.charger.ChargerSpec;
import io.fleetcare.simulator.charger.ConnectorOverheating;
import io.fleetcare.simulator.charger.SuddenFault;
import io.fleetcare.simulator.stb.Overheating;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Which devices a simulated fleet has and which of them develop a fault. The same seed always
 * gives the same ids, the same faulty devices and the same signal noise.
 *
 * @param devices  the set-top boxes (MQTT); never null
 * @param chargers the EV chargers (OCPP 1.6J); never null
 */
public record FleetPlan(List<SimulatedDevice> devices, List<ChargerSpec> chargers) {

    public static final String SET_TOP_BOX_MODEL = "STB-4K-200";
    private static final List<String> SUDDEN_FAULT_CODES = List.of("GroundFailure", "OverCurrentFailure",
            "PowerSwitchFailure", "HighTemperature");

    public FleetPlan {
        devices = List.copyOf(devices);
        chargers = List.copyOf(chargers);
    }

    /** A fleet of set-top boxes only. */
    public FleetPlan(List<SimulatedDevice> devices) {
        this(devices, List.of());
    }

    /** This fleet together with the other's set-top boxes and chargers. */
    public FleetPlan plus(FleetPlan other) {
        List<SimulatedDevice> allDevices = new ArrayList<>(devices);
        allDevices.addAll(other.devices());
        List<ChargerSpec> allChargers = new ArrayList<>(chargers);
        allChargers.addAll(other.chargers());
        return new FleetPlan(allDevices, allChargers);
    }

    /** Ids of a fleet of {@code count} chargers: {@code CP-0001} upwards. */
    public static List<String> chargerIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add("CP-%04d".formatted(i));
        }
        return ids;
    }

    /**
     * A fleet of chargers, busy charging from a second after start, of which {@code overheating} develop an
     * overheating connector ({@link ConnectorOverheating#demo()}) and {@code suddenFaults} others report a
     * Faulted connector (GroundFailure, OverCurrentFailure, PowerSwitchFailure or HighTemperature) 3 to 10 s
     * after start, without recovering. The seed picks which chargers, which codes and when.
     *
     * @param secretOf the HTTP Basic password of each charge point id
     * @throws IllegalArgumentException when more faulty chargers than chargers are asked for
     */
    public static FleetPlan chargers(int count, int overheating, int suddenFaults, long seed,
                                     Function<String, String> secretOf) {
        return chargers(count, overheating, suddenFaults, seed, secretOf, ConnectorOverheating.demo());
    }

    /**
     * Like {@link #chargers(int, int, int, long, Function)} with a chosen overheating fault.
     *
     * @param overheatingFault what the overheating chargers develop; never null
     */
    public static FleetPlan chargers(int count, int overheating, int suddenFaults, long seed,
                                     Function<String, String> secretOf, ConnectorOverheating overheatingFault) {
        if (count < 0 || overheating < 0 || suddenFaults < 0 || overheating + suddenFaults > count) {
            throw new IllegalArgumentException("cannot make " + overheating + " + " + suddenFaults + " of "
                    + count + " chargers faulty");
        }
        Random random = new Random(seed);
        List<String> ids = chargerIds(count);
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        List<String> overheatingIds = shuffled.subList(0, overheating);
        List<String> faultingIds = shuffled.subList(overheating, overheating + suddenFaults);
        List<ChargerSpec> chargers = new ArrayList<>();
        for (String id : ids) {
            ChargerSpec spec = ChargerSpec.healthy(id, secretOf.apply(id), random.nextLong());
            if (overheatingIds.contains(id)) {
                spec = spec.withOverheating(overheatingFault);
            } else if (faultingIds.contains(id)) {
                spec = spec.withSuddenFault(new SuddenFault(Duration.ofMillis(3_000 + random.nextInt(7_000)),
                        SUDDEN_FAULT_CODES.get(random.nextInt(SUDDEN_FAULT_CODES.size())), "SIM-E1", null));
            }
            chargers.add(spec);
        }
        return new FleetPlan(List.of(), chargers);
    }

    /** Ids of a fleet of {@code count} set-top boxes: {@code STB-0001} upwards. */
    public static List<String> setTopBoxIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add("STB-%04d".formatted(i));
        }
        return ids;
    }

    /** Random device secrets for the given ids, e.g. to register the fleet with a broker. */
    public static Map<String, String> newSecrets(List<String> deviceIds) {
        SecureRandom random = new SecureRandom();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String id : deviceIds) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            secrets.put(id, HexFormat.of().formatHex(bytes));
        }
        return secrets;
    }

    /**
     * A fleet of set-top boxes of which {@code overheating} develop an overheating CPU.
     *
     * @param secretOf the broker secret of each device id
     * @throws IllegalArgumentException when more faulty devices than devices are asked for
     */
    public static FleetPlan setTopBoxes(int count, int overheating, long seed, Function<String, String> secretOf) {
        if (overheating > count || overheating < 0 || count < 0) {
            throw new IllegalArgumentException("cannot make " + overheating + " of " + count + " devices overheat");
        }
        Random random = new Random(seed);
        List<String> ids = setTopBoxIds(count);
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled, random);
        List<String> faulty = shuffled.subList(0, overheating);
        List<SimulatedDevice> devices = new ArrayList<>();
        for (String id : ids) {
            devices.add(new SimulatedDevice(id, SET_TOP_BOX_MODEL, secretOf.apply(id), random.nextLong(),
                    faulty.contains(id) ? Overheating.demo() : null));
        }
        return new FleetPlan(devices);
    }
}
