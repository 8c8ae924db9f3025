package io.fleetcare.stream.rules;

import io.fleetcare.events.DeviceType;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * Which devices a rule watches: one device type, optionally narrowed to some models.
 *
 * @param deviceType the only device type the rule applies to; never null
 * @param models     the models the rule applies to; empty means every model of the type; never null
 */
public record DeviceScope(DeviceType deviceType, Set<String> models) implements Serializable {

    public DeviceScope {
        Objects.requireNonNull(deviceType, "deviceType");
        models = models == null ? Set.of() : Set.copyOf(models);
    }

    /** Every model of a type. */
    public static DeviceScope allOf(DeviceType deviceType) {
        return new DeviceScope(deviceType, Set.of());
    }

    /** Whether a device of this type and model ({@code model} may be null) is in scope. */
    public boolean covers(DeviceType type, String model) {
        return deviceType == type && (models.isEmpty() || models.contains(model));
    }
}
