package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Evidence;
import java.time.Instant;
import java.util.Map;

/**
 * Keyed state of one usage rule on one device. Public only so that Flink serializes it as a POJO.
 *
 * @param since     device time of the first event of the device the job counted; never null
 * @param used      units used since then
 * @param reported  how many maintenance intervals have been requested so far
 * @param registers the newest reading of every energy register, by metric name; never null
 */
public record UsageCounter(Instant since, double used, long reported, Map<String, Evidence> registers) {

    public UsageCounter {
        registers = registers == null ? Map.of() : Map.copyOf(registers);
    }
}
