package io.fleetcare.api.device.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SQL behind {@link TelemetrySummary}: reads the hourly rollups of one device from
 * {@code telemetry.reading_hourly_stats} (a view over the rollup table on plain PostgreSQL, a continuous aggregate
 * on TimescaleDB; both have {@code min_value, max_value, avg_value, count} per device, metric and hour) and
 * regroups them into hours of the last 24 h, days of the last 30 days and weeks of the last year. Means are
 * weighted by the count of readings. Plain JDBC, so that the benchmark runs the very code the endpoint runs.
 */
public final class RollupSummaryQuery {

    /** The rollup relation both storage layouts of the stream jobs provide. */
    public static final String ROLLUPS = "telemetry.reading_hourly_stats";

    /** Buckets of one device in a window, per metric; parameters: unit, zone, device, from, to. */
    public static final String BUCKETS_SQL = """
            SELECT metric, date_trunc(?, bucket, ?) AS b, min(min_value), max(max_value),
                   sum(avg_value * count) / sum(count), sum(count)
              FROM telemetry.reading_hourly_stats
             WHERE device_id = ? AND bucket >= ? AND bucket < ?
             GROUP BY metric, b
             ORDER BY metric, b""";

    private final ZoneId zone;

    /**
     * @param zone the zone in which days and weeks begin; never null
     */
    public RollupSummaryQuery(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Whether the rollups exist in the database of this connection. */
    public static boolean rollupsExist(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT to_regclass('" + ROLLUPS + "')");
                ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getString(1) != null;
        }
    }

    /**
     * Reads the three windows ending around {@code now}. The rollups must exist ({@link #rollupsExist}).
     *
     * @param connection never null
     * @param deviceId   never null
     * @param now        never null
     * @throws SQLException when the rollups cannot be read
     */
    public TelemetrySummary read(Connection connection, String deviceId, Instant now) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(BUCKETS_SQL)) {
            return new TelemetrySummary(true, null, zone.getId(), fill(st, "hour", deviceId, hours(now)),
                    fill(st, "day", deviceId, days(now)), fill(st, "week", deviceId, weeks(now)));
        }
    }

    /** The three windows with no series, for a store that is not there. */
    public TelemetrySummary unavailable(Instant now, String reason) {
        return new TelemetrySummary(false, reason, zone.getId(), hours(now).withoutSeries(),
                days(now).withoutSeries(), weeks(now).withoutSeries());
    }

    /** The 24 hours ending with the current one. */
    TelemetrySummary.Window hours(Instant now) {
        Instant to = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return new TelemetrySummary.Window("PT1H", to.minus(Duration.ofHours(24)), to, List.of());
    }

    /** The 30 days ending with today, in the zone. */
    TelemetrySummary.Window days(Instant now) {
        LocalDate tomorrow = LocalDate.ofInstant(now, zone).plusDays(1);
        return new TelemetrySummary.Window("P1D", tomorrow.minusDays(30).atStartOfDay(zone).toInstant(),
                tomorrow.atStartOfDay(zone).toInstant(), List.of());
    }

    /** The 52 weeks ending with the current one, weeks starting on Monday in the zone. */
    TelemetrySummary.Window weeks(Instant now) {
        LocalDate nextMonday = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return new TelemetrySummary.Window("P7D", nextMonday.minusWeeks(52).atStartOfDay(zone).toInstant(),
                nextMonday.atStartOfDay(zone).toInstant(), List.of());
    }

    private TelemetrySummary.Window fill(PreparedStatement st, String unit, String deviceId,
            TelemetrySummary.Window window) throws SQLException {
        st.setString(1, unit);
        st.setString(2, zone.getId());
        st.setString(3, deviceId);
        st.setTimestamp(4, Timestamp.from(window.from()));
        st.setTimestamp(5, Timestamp.from(window.to()));
        List<TelemetrySummary.Series> series = new ArrayList<>();
        String metric = null;
        List<TelemetrySummary.Point> points = null;
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String m = rs.getString(1);
                if (!m.equals(metric)) {
                    metric = m;
                    points = new ArrayList<>();
                    series.add(new TelemetrySummary.Series(m, points));
                }
                points.add(new TelemetrySummary.Point(rs.getTimestamp(2).toInstant(), rs.getDouble(3),
                        rs.getDouble(4), rs.getDouble(5), rs.getLong(6)));
            }
        }
        return new TelemetrySummary.Window(window.resolution(), window.from(), window.to(),
                series.stream().map(s -> new TelemetrySummary.Series(s.metric(), List.copyOf(s.points()))).toList());
    }
}
