package io.fleetcare.api.ticket.sla;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Computes a ticket's service-level due times from the moment it was registered: respond within 24 h and
 * be on site within 24 h by default (seed 004 §3.2.2; DOMAIN.md "Service levels"). The clocks start at
 * registration, i.e. when the service received the request (seed 000 "四、服务标准": "接到服务请求后,24小时内").
 *
 * <p>Working-day rules (complaints, repairs) and per-severity targets come with the ticket lifecycle.
 */
@Singleton
public class SlaPolicy {

    private final Duration respondWithin;
    private final Duration onSiteWithin;

    @Inject
    public SlaPolicy(SlaConfig config) {
        this(config.respondWithin(), config.onSiteWithin());
    }

    /**
     * @throws IllegalArgumentException when a target is not positive
     */
    public SlaPolicy(Duration respondWithin, Duration onSiteWithin) {
        this.respondWithin = positive(respondWithin, "respondWithin");
        this.onSiteWithin = positive(onSiteWithin, "onSiteWithin");
    }

    /**
     * The due times of a ticket registered at {@code openedAt}.
     *
     * @param openedAt when the ticket was registered; never null
     */
    public SlaDueTimes dueTimes(Instant openedAt) {
        Objects.requireNonNull(openedAt, "openedAt");
        return new SlaDueTimes(openedAt.plus(respondWithin), openedAt.plus(onSiteWithin));
    }

    /**
     * Whether the response target is missed: the ticket still awaits its first response after the due time.
     *
     * @param due                 the ticket's due times; never null
     * @param awaitingFirstResponse true while nobody has acknowledged the ticket
     * @param now                 the time to judge at; never null
     */
    public boolean respondBreached(SlaDueTimes due, boolean awaitingFirstResponse, Instant now) {
        return awaitingFirstResponse && now.isAfter(due.respondBy());
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
