package io.fleetcare.simulator.fleet;

import io.fleetcare.simulator.stb.Overheating;
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
 * @param devices never null
 */
public record FleetPlan(List<SimulatedDevice> devices) {

    public static final String SET_TOP_BOX_MODEL = "STB-4K-200";

    public FleetPlan {
        devices = List.copyOf(devices);
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
