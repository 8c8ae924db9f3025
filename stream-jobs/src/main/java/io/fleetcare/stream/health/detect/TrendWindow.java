package io.fleetcare.stream.health.detect;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import java.time.Instant;
import java.util.List;

/**
 * Keyed state of one trend rule on one device: the readings inside the rule's window and the open
 * episode, if any. Public only so that Flink serializes it as a POJO rather than with Kryo.
 *
 * @param deviceType   type of the device; never null
 * @param model        model of the device; may be null
 * @param readings     the readings in the window, oldest first, at most one per device time; never null
 * @param episodeStart device time of the reading whose fit raised the open episode; null when none is open
 */
public record TrendWindow(DeviceType deviceType, String model, List<Evidence> readings, Instant episodeStart) {

    public TrendWindow {
        readings = readings == null ? List.of() : List.copyOf(readings);
    }

    Instant newest() {
        return readings.get(readings.size() - 1).ts();
    }
}
