package io.fleetcare.stream.health.detect;

import io.fleetcare.events.Evidence;
import io.fleetcare.events.Severity;
import java.time.Instant;

/**
 * One raised fault of a {@link FaultSubject}. Public only so that Flink serializes it as a POJO.
 *
 * @param code     the fault code, e.g. {@code GroundFailure} or {@code DECODER_HANG}; never null
 * @param severity never null
 * @param start    device time of the report that raised it; never null
 * @param lastSeen device time of the newest report of the same fault; never null
 * @param evidence the report that raised it; never null
 */
public record OpenFault(String code, Severity severity, Instant start, Instant lastSeen, Evidence evidence) {

    OpenFault seenAgainAt(Instant ts) {
        return ts.isAfter(lastSeen) ? new OpenFault(code, severity, start, ts, evidence) : this;
    }
}
