package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyed state of one threshold rule on one device while its metric is in breach (pending) or its
 * alert is raised. Public only so that Flink serializes it as a POJO rather than with Kryo.
 *
 * @param start       device time of the first breaching reading; never null
 * @param lastReading device time of the newest reading taken into account; never null
 * @param raised      whether the alert of this episode has been raised
 * @param evidence    the most recent breaching readings while pending, oldest first; empty once raised
 */
public record Episode(Instant start, Instant lastReading, boolean raised, List<Evidence> evidence) {

    public Episode {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    static Episode startingWith(Evidence reading) {
        return new Episode(reading.ts(), reading.ts(), false, List.of(reading));
    }

    /** This pending episode with one more breaching reading, keeping at most {@code limit} readings. */
    Episode breachingAgain(Evidence reading, int limit) {
        List<Evidence> kept = new ArrayList<>(evidence.size() + 1);
        kept.addAll(evidence);
        kept.add(reading);
        int from = Math.max(0, kept.size() - limit);
        return new Episode(start, reading.ts(), raised, kept.subList(from, kept.size()));
    }

    Episode raisedAt(Instant ts) {
        return new Episode(start, ts, true, List.of());
    }

    Episode seenAt(Instant ts) {
        return new Episode(start, ts, raised, evidence);
    }
}
