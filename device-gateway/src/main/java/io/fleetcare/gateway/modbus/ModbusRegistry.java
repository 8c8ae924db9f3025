package io.fleetcare.gateway.modbus;

import io.fleetcare.events.ModbusRegisterMap;
import io.fleetcare.events.ModbusRegistration;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What the registry topics say the gateway polls: the latest {@link ModbusRegistration} per device and the latest
 * {@link ModbusRegisterMap} per profile name, applied to a {@link Target} (the {@link ModbusPoller}). A registration
 * naming a profile that is neither built in, in a profile file nor registered yet waits (counted as
 * {@code unknown_profile}; a device polled already keeps its last registration) and applies when the profile arrives; a changed profile re-registers every device that uses
 * it. A removed profile leaves its devices polling with the map they have. Not thread-safe: one reader applies the
 * records in order.
 */
final class ModbusRegistry {

    private static final Logger LOG = Logger.getLogger(ModbusRegistry.class);

    /** Where registrations go. */
    interface Target {
        void register(ModbusDevice device);

        boolean remove(String deviceId);

        /** A registration was not applied, with the metric's reason tag. */
        void rejected(String deviceId, String reason);
    }

    private final RegisterProfiles fileProfiles;
    private final Target target;
    private final Map<String, RegisterProfile> registeredProfiles = new HashMap<>();
    private final Map<String, ModbusRegistration> registrations = new HashMap<>();

    /**
     * @param fileProfiles the built-in profiles and those of the profile files; never null
     */
    ModbusRegistry(RegisterProfiles fileProfiles, Target target) {
        this.fileProfiles = fileProfiles;
        this.target = target;
    }

    /**
     * @param registration null for a tombstone: the device is no longer polled
     */
    void device(String deviceId, ModbusRegistration registration) {
        if (registration == null) {
            registrations.remove(deviceId);
            target.remove(deviceId);
            return;
        }
        if (!registration.deviceId().equals(deviceId)) {
            target.rejected(deviceId, "key_mismatch");
            LOG.warnf("device %s: registration keyed %s skipped", registration.deviceId(), deviceId);
            return;
        }
        registrations.put(deviceId, registration);
        apply(registration);
    }

    /**
     * @param map null for a tombstone
     */
    void registerMap(String name, ModbusRegisterMap map) {
        if (map == null) {
            registeredProfiles.remove(name);
            LOG.infof("register map %s removed; devices using it keep their map until they change", name);
            return;
        }
        RegisterProfile profile;
        try {
            profile = RegisterProfiles.fromMap(map);
        } catch (IllegalArgumentException e) {
            LOG.warnf("register map %s skipped: %s", name, e.getMessage());
            return;
        }
        registeredProfiles.put(name, profile);
        registrations.values().stream().filter(r -> r.profile().equals(name)).toList().forEach(this::apply);
    }

    private void apply(ModbusRegistration registration) {
        Optional<RegisterProfile> profile = profile(registration.profile());
        if (profile.isEmpty()) {
            target.rejected(registration.deviceId(), "unknown_profile");
            LOG.warnf("device %s: profile %s is not known (yet); polling starts when it is registered",
                    registration.deviceId(), registration.profile());
            return;
        }
        target.register(new ModbusDevice(registration.deviceId(), registration.deviceType(), registration.model(),
                registration.host(), registration.port(), registration.unitId(), profile.get(),
                Duration.ofMillis(registration.pollIntervalMillis())));
    }

    private Optional<RegisterProfile> profile(String name) {
        RegisterProfile registered = registeredProfiles.get(name);
        return registered != null ? Optional.of(registered) : fileProfiles.find(name);
    }
}
