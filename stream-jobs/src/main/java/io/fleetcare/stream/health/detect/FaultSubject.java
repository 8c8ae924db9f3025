package io.fleetcare.stream.health.detect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyed state of {@link StatusFaultDetector} for one thing that can be faulty: a connector under a
 * status rule, or one error code under an error event rule. While {@link #open()} is empty the
 * entry only remembers when the subject was last reported healthy, so that older reports arriving
 * late cannot raise a fault that is already over; it is removed once the watermark passes that
 * time plus the allowed lateness. Public only so that Flink serializes it as a POJO.
 *
 * @param lastReport device time of the newest report taken into account; never null
 * @param open       the raised faults, oldest first; never null, empty when healthy
 */
public record FaultSubject(Instant lastReport, List<OpenFault> open) {

    public FaultSubject {
        open = open == null ? List.of() : List.copyOf(open);
    }

    static FaultSubject healthySince(Instant ts) {
        return new FaultSubject(ts, List.of());
    }

    boolean healthy() {
        return open.isEmpty();
    }

    OpenFault find(String code) {
        return open.stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
    }

    FaultSubject with(OpenFault fault, Instant ts) {
        List<OpenFault> faults = new ArrayList<>(open.size() + 1);
        boolean replaced = false;
        for (OpenFault f : open) {
            boolean same = f.code().equals(fault.code());
            faults.add(same ? fault : f);
            replaced |= same;
        }
        if (!replaced) {
            faults.add(fault);
        }
        return new FaultSubject(ts.isAfter(lastReport) ? ts : lastReport, faults);
    }
}
