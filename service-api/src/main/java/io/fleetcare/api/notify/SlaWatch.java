package io.fleetcare.api.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pure: where one SLA clock of an open ticket stands against a rule's warning share. A clock that stopped (its
 * milestone reached) is never warned about nor breached here; {@code SlaBreaches} reports the late ones.
 */
public final class SlaWatch {

    /** What is due for one clock. */
    public enum Point {
        /** The clock has used the rule's share of its time. */
        WARNING,
        /** The clock ran out. */
        BREACH
    }

    private SlaWatch() {
    }

    /**
     * @param startedAt    when the clock started (the ticket's opening); never null
     * @param dueAt        when it runs out; never null
     * @param stoppedAt    when its milestone was reached; null while running
     * @param warnPercent  1-99
     * @param now          never null
     * @return BREACH from the due time on, WARNING from the share on, empty before or when stopped
     */
    public static Optional<Point> at(Instant startedAt, Instant dueAt, Instant stoppedAt, int warnPercent,
            Instant now) {
        if (stoppedAt != null) {
            return Optional.empty();
        }
        if (!now.isBefore(dueAt)) {
            return Optional.of(Point.BREACH);
        }
        return now.isBefore(warningAt(startedAt, dueAt, warnPercent)) ? Optional.empty() : Optional.of(Point.WARNING);
    }

    /** The instant at which {@code warnPercent} of the clock's time is used. */
    public static Instant warningAt(Instant startedAt, Instant dueAt, int warnPercent) {
        long millis = Duration.between(startedAt, dueAt).toMillis();
        return startedAt.plusMillis(millis * warnPercent / 100);
    }
}
