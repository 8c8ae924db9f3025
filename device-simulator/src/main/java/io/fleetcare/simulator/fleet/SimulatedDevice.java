package io.fleetcare.simulator.fleet;

import io.fleetcare.simulator.stb.Overheating;

/**
 * One device of a simulated fleet.
 *
 * @param deviceId    also the device's broker username; never null
 * @param model       never null
 * @param secret      the device's broker password; never null
 * @param seed        fixes the device's signal noise
 * @param overheating the fault it develops; null for a healthy device
 */
public record SimulatedDevice(String deviceId, String model, String secret, long seed, Overheating overheating) {

    public boolean healthy() {
        return overheating == null;
    }

    @Override
    public String toString() {
        return deviceId + (healthy() ? " (healthy)" : " (overheating)");
    }
}
