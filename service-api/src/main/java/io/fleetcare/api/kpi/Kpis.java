package io.fleetcare.api.kpi;

import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.api.ticket.sla.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The service KPIs of a period (DOMAIN.md "KPIs": service timeliness, first-time fix, repair time, complaint rate,
 * satisfaction; seed 004 §3.2.1, seed 002, seed 001 §4.2). Days are those of {@code fleetcare.sla.zone}.
 */
@ApplicationScoped
public class Kpis {

    /** The longest period one call may span, in days. */
    public static final int MAX_DAYS = 400;

    @Inject
    KpiFactsReader facts;

    @Inject
    SlaConfig calendar;

    @Inject
    Clock clock;

    /**
     * @param from     first day, inclusive; never null
     * @param to       last day, inclusive; never null
     * @param grouping never null
     * @throws InvalidRequestException when {@code to} is before {@code from} or the period is longer than
     *                                 {@link #MAX_DAYS} days (400)
     */
    public KpiReport of(LocalDate from, LocalDate to, KpiGrouping grouping) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("'to' (" + to + ") is before 'from' (" + from + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidRequestException("A period spans at most " + MAX_DAYS + " days.");
        }
        Instant start = from.atStartOfDay(calendar.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        return KpiFigures.of(facts.read(start, end, clock.instant()), from, to, start, end, grouping);
    }
}
