package io.fleetcare.stream.health.detect;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import java.time.Instant;
import java.util.List;

/**
 * Keyed state of {@link RateRuleDetector} for one rule on one device. Public only so that Flink
 * serializes it as a POJO.
 *
 * @param deviceType   never null
 * @param model        may be null
 * @param occurrences  the counted occurrences still inside the window, oldest first; never null
 * @param episodeStart device time of the first occurrence of the raised episode; null while not raised
 */
public record RateWindow(DeviceType deviceType, String model, List<Evidence> occurrences, Instant episodeStart) {

    public RateWindow {
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }
}
