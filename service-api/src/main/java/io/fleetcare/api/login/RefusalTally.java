package io.fleetcare.api.login;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Aggregates refused sign-ins for the audit trail, so that an attacker cannot grow it without bound. Time is cut into
 * fixed windows ({@code window}, aligned to the epoch). Per tally key and window, the first checked wrong password is
 * audited at once, one row, and every further refusal is only counted here; when the window is over, one aggregate row
 * is written for the counted ones ({@link #drainEnded}). So a key adds at most two rows per window. The keys:
 * username + source for wrong passwords and for attempts refused because that pair had to wait; {@code *} + source for
 * attempts refused because the source had to wait (whatever username they named); username + {@code *} for attempts
 * refused because the username had to wait. In memory: counted refusals of an instance that stops before its window
 * ends are lost (the rows written at once are not). Thread-safe.
 */
final class RefusalTally {

    /** Stands for "any" in a tally key. */
    static final String ANY = "*";

    private final Duration window;
    private final Map<Key, Tally> open = new ConcurrentHashMap<>();
    private final Queue<Aggregate> ended = new ConcurrentLinkedQueue<>();

    /** @param window positive */
    RefusalTally(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the audit window must be positive");
        }
        this.window = window;
    }

    /**
     * The username or source of the key, or {@link #ANY}.
     *
     * @param source null when unknown
     */
    record Key(String username, String source) {
    }

    /**
     * Refusals counted for one key in one window, beyond the row written at once.
     *
     * @param endpoint the last endpoint they named
     */
    record Aggregate(Key key, Instant windowStart, Instant windowEnd, int wrongPasswords, int tooEarly,
            Instant first, Instant last, String endpoint) {

        int refusals() {
            return wrongPasswords + tooEarly;
        }
    }

    /** @return true when this is the key's first wrong password of the window: the caller audits it in a row of its own */
    boolean wrongPassword(Key key, String endpoint, Instant now) {
        boolean[] first = {false};
        open.compute(key, (k, t) -> {
            Tally tally = current(k, t, now);
            if (!tally.firstAudited) {
                tally.firstAudited = true;
                first[0] = true;
            } else {
                tally.wrongPasswords++;
                tally.seen(endpoint, now);
            }
            return tally;
        });
        return first[0];
    }

    /** Counts an attempt refused without a password check because it came too early. */
    void tooEarly(Key key, String endpoint, Instant now) {
        open.compute(key, (k, t) -> {
            Tally tally = current(k, t, now);
            tally.tooEarly++;
            tally.seen(endpoint, now);
            return tally;
        });
    }

    /** Removes and returns the aggregates of every window over by {@code now} that counted a refusal. */
    List<Aggregate> drainEnded(Instant now) {
        for (Map.Entry<Key, Tally> e : open.entrySet()) {
            Tally t = e.getValue();
            if (!now.isBefore(t.windowStart.plus(window)) && open.remove(e.getKey(), t)) {
                t.aggregate(e.getKey(), window).ifCounted(ended);
            }
        }
        List<Aggregate> out = new ArrayList<>();
        for (Aggregate a; (a = ended.poll()) != null; ) {
            out.add(a);
        }
        return out;
    }

    private Tally current(Key key, Tally tally, Instant now) {
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), window.toMillis()) * window.toMillis());
        if (tally != null && tally.windowStart.equals(start)) {
            return tally;
        }
        if (tally != null) {
            tally.aggregate(key, window).ifCounted(ended);
        }
        return new Tally(start);
    }

    private static final class Tally {
        final Instant windowStart;
        boolean firstAudited;
        int wrongPasswords;
        int tooEarly;
        Instant first;
        Instant last;
        String endpoint;

        Tally(Instant windowStart) {
            this.windowStart = windowStart;
        }

        void seen(String endpoint, Instant now) {
            if (first == null) {
                first = now;
            }
            last = now;
            this.endpoint = endpoint;
        }

        Counted aggregate(Key key, Duration window) {
            return new Counted(wrongPasswords + tooEarly == 0 ? null
                    : new Aggregate(key, windowStart, windowStart.plus(window), wrongPasswords, tooEarly, first, last,
                            endpoint));
        }
    }

    private record Counted(Aggregate aggregate) {
        void ifCounted(Queue<Aggregate> queue) {
            if (aggregate != null) {
                queue.add(aggregate);
            }
        }
    }
}
