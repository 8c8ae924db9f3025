package io.fleetcare.api.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Computes the KPIs of a period from the facts of the tickets that touched it. Pure: no database, no clock.
 * Each KPI counts the tickets whose event of interest lies in the period {@code [start, end)}: opened, closed,
 * resolved or surveyed in it.
 */
public final class KpiFigures {

    /** Group key of tickets whose model, engineer or firmware is not known. */
    public static final String UNKNOWN = "(unknown)";

    private KpiFigures() {
    }

    /**
     * @param facts    the tickets opened, resolved, closed or surveyed in the period (others are ignored);
     *                 never null
     * @param from     first day of the period, as the caller named it; never null
     * @param to       last day of the period, as the caller named it; never null
     * @param start    the period's first instant; never null
     * @param end      the instant after the period; never null
     * @param grouping never null
     * @return never null
     */
    public static KpiReport of(List<TicketFacts> facts, LocalDate from, LocalDate to, Instant start, Instant end,
            KpiGrouping grouping) {
        Predicate<Instant> inPeriod = at -> at != null && !at.isBefore(start) && at.isBefore(end);
        List<KpiReport.Group> groups = new ArrayList<>();
        if (grouping == KpiGrouping.NONE) {
            groups.add(group(null, facts, inPeriod));
        } else {
            Function<TicketFacts, String> keyOf = keyOf(grouping);
            Map<String, List<TicketFacts>> byKey = facts.stream()
                    .collect(Collectors.groupingBy(keyOf, TreeMap::new, Collectors.toList()));
            byKey.forEach((key, members) -> groups.add(group(key, members, inPeriod)));
        }
        Map<List<String>, Long> faults = facts.stream()
                .filter(f -> f.telemetry() && inPeriod.test(f.openedAt()))
                .collect(Collectors.groupingBy(f -> List.of(orUnknown(f.model()), orUnknown(f.firmware())),
                        Collectors.counting()));
        List<KpiReport.Faults> faultList = faults.entrySet().stream()
                .map(e -> new KpiReport.Faults(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingLong(KpiReport.Faults::faults).reversed()
                        .thenComparing(KpiReport.Faults::model).thenComparing(KpiReport.Faults::firmware))
                .toList();
        return new KpiReport(from, to, grouping.apiName(), groups, faultList);
    }

    private static KpiReport.Group group(String key, List<TicketFacts> facts, Predicate<Instant> inPeriod) {
        List<TicketFacts> opened = facts.stream().filter(f -> inPeriod.test(f.openedAt())).toList();
        List<TicketFacts> closed = facts.stream().filter(f -> inPeriod.test(f.closedAt())).toList();
        List<TicketFacts> resolved = facts.stream().filter(f -> inPeriod.test(f.resolvedAt())).toList();
        List<Double> ratings = facts.stream().filter(f -> f.satisfaction() != null && inPeriod.test(f.surveyedAt()))
                .map(TicketFacts::satisfaction).toList();
        Double meanHours = resolved.isEmpty() ? null : resolved.stream()
                .mapToDouble(f -> Duration.between(f.openedAt(), f.resolvedAt()).toMillis() / 3_600_000.0)
                .average().orElseThrow();
        return new KpiReport.Group(key,
                opened.size(),
                closed.size(),
                share(closed, f -> !f.breached()),
                share(resolved, TicketFacts::fixedFirstTime),
                meanHours,
                share(opened, TicketFacts::complaint),
                ratings.isEmpty() ? null : ratings.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                opened.stream().filter(TicketFacts::breached).count());
    }

    private static Double share(List<TicketFacts> of, Predicate<TicketFacts> which) {
        return of.isEmpty() ? null : (double) of.stream().filter(which).count() / of.size();
    }

    private static Function<TicketFacts, String> keyOf(KpiGrouping grouping) {
        return switch (grouping) {
            case MODEL -> f -> orUnknown(f.model());
            case ENGINEER -> f -> orUnknown(f.engineer());
            case FIRMWARE -> f -> orUnknown(f.firmware());
            case NONE -> f -> null;
        };
    }

    private static String orUnknown(String value) {
        return Objects.requireNonNullElse(value, UNKNOWN);
    }
}
