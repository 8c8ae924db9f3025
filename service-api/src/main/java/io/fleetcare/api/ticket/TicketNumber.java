package io.fleetcare.api.ticket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The human-readable, unique number every case gets at registration (seed 000 §4.1, seed 001 §三(二)):
 * {@code TK-<year of registration, UTC>-<running number, at least six digits>}, e.g. {@code TK-2026-000001}.
 * The running number comes from a database sequence, so numbers are unique across instances but not
 * gap-free, and they do not restart each year.
 */
public final class TicketNumber {

    /** What a ticket number looks like. */
    public static final Pattern FORMAT = Pattern.compile("TK-\\d{4}-\\d{6,}");

    private TicketNumber() {
    }

    /**
     * @param openedAt when the ticket was registered; never null
     * @param sequence the next value of the ticket number sequence; positive
     */
    public static String format(Instant openedAt, long sequence) {
        if (sequence <= 0) {
            throw new IllegalArgumentException("sequence must be positive, was " + sequence);
        }
        int year = openedAt.atOffset(ZoneOffset.UTC).getYear();
        return String.format("TK-%04d-%06d", year, sequence);
    }
}
