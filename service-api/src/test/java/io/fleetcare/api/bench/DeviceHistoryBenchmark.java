package io.fleetcare.api.bench;

import io.fleetcare.api.device.history.RollupSummaryQuery;
import io.fleetcare.api.device.history.TelemetrySummary;
import io.fleetcare.infra.postgres.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark of the telemetry part of the device history (not a test; asserts nothing). Starts one embedded
 * PostgreSQL, creates the telemetry schema with the stream jobs' own scripts (plain layout), loads one year of
 * per-minute readings of one device and the hourly rollups the job's reading sink would have kept for them, then
 * times {@link RollupSummaryQuery} — the code {@code GET /api/devices/{id}/history} runs for its telemetry summary —
 * and, as raw baselines, its heaviest statement (the weekly buckets of the year) bare over JDBC and the same weekly
 * series computed from the raw readings.
 *
 * <p>Arguments: {@code <telemetry-sql-dir> [calls] [warm-up]}; the directory holds {@code V1__…sql} and
 * {@code plain/V2__…sql} of stream-jobs.
 */
public final class DeviceHistoryBenchmark {

    static final String DEVICE = "BENCH-CP-0001";
    private static final String METRIC = "connector.1.temperature_c";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DeviceHistoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path sqlDir = Path.of(args.length > 0 ? args[0] : "stream-jobs/src/main/resources/db/telemetry");
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
                Connection c = DriverManager.getConnection(pg.jdbcUrl("history_bench"), pg.username(),
                        pg.password())) {
            Instant now = Instant.now();
            load(c, sqlDir, now);
            RollupSummaryQuery query = new RollupSummaryQuery(ZONE);

            TelemetrySummary sample = query.read(c, DEVICE, now);
            System.out.printf(Locale.ROOT, "summary points: 24 h %d hourly, 30 d %d daily, 1 y %d weekly%n",
                    points(sample.last24Hours()), points(sample.last30Days()), points(sample.lastYear()));

            double[] service = time(calls, warmUp, () -> {
                if (!RollupSummaryQuery.rollupsExist(c)) {
                    throw new IllegalStateException("rollups missing");
                }
                query.read(c, DEVICE, now);
            });
            report("telemetry summary (existence check + 3 rollup queries), " + calls + " calls", service);

            TelemetrySummary.Window year = sample.lastYear();
            try (PreparedStatement weekly = c.prepareStatement(RollupSummaryQuery.BUCKETS_SQL)) {
                weekly.setString(1, "week");
                weekly.setString(2, ZONE.getId());
                weekly.setString(3, DEVICE);
                weekly.setTimestamp(4, Timestamp.from(year.from()));
                weekly.setTimestamp(5, Timestamp.from(year.to()));
                report("baseline: heaviest statement bare (weekly buckets of the year from 8,760 hourly rollups)",
                        time(calls, warmUp, () -> drain(weekly)));
            }
            try (PreparedStatement raw = c.prepareStatement("""
                    SELECT metric, date_trunc('week', ts, ?) AS b, min(value), max(value), avg(value), count(*)
                      FROM telemetry.reading WHERE device_id = ? AND ts >= ? AND ts < ?
                     GROUP BY metric, b ORDER BY metric, b""")) {
                raw.setString(1, ZONE.getId());
                raw.setString(2, DEVICE);
                raw.setTimestamp(3, Timestamp.from(year.from()));
                raw.setTimestamp(4, Timestamp.from(year.to()));
                report("contrast: the same weekly series from the 525,600 raw readings, 10 calls",
                        time(10, 2, () -> drain(raw)));
            }
        }
    }

    static void load(Connection c, Path sqlDir, Instant now) throws Exception {
        long started = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS telemetry");
            st.execute(Files.readString(sqlDir.resolve("V1__readings_and_device_state.sql")));
            st.execute(Files.readString(sqlDir.resolve("plain/V2__brin_and_hourly_rollup.sql")));
        }
        Instant end = now.truncatedTo(ChronoUnit.MINUTES);
        try (PreparedStatement readings = c.prepareStatement("""
                INSERT INTO telemetry.reading (device_id, metric, ts, value)
                SELECT ?, ?, ts, 45 + 12 * sin(extract(epoch FROM ts) / 86400.0 * 2 * pi()) + random() * 3
                  FROM generate_series(?::timestamptz - INTERVAL '525599 minutes', ?::timestamptz,
                                       INTERVAL '1 minute') AS ts""")) {
            readings.setString(1, DEVICE);
            readings.setString(2, METRIC);
            readings.setTimestamp(3, Timestamp.from(end));
            readings.setTimestamp(4, Timestamp.from(end));
            System.out.printf(Locale.ROOT, "readings loaded: %,d%n", readings.executeUpdate());
        }
        try (Statement st = c.createStatement()) {
            int rollups = st.executeUpdate("""
                    INSERT INTO telemetry.reading_hourly (device_id, metric, bucket, min_value, max_value, sum_value, count)
                    SELECT device_id, metric, date_trunc('hour', ts, 'UTC'), min(value), max(value), sum(value), count(*)
                      FROM telemetry.reading GROUP BY 1, 2, 3""");
            System.out.printf(Locale.ROOT, "hourly rollups built: %,d%n", rollups);
            st.execute("VACUUM ANALYZE telemetry.reading");
            st.execute("VACUUM ANALYZE telemetry.reading_hourly");
        }
        System.out.printf(Locale.ROOT, "load took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    static double[] time(int calls, int warmUp, Call call) throws SQLException {
        for (int i = 0; i < warmUp; i++) {
            call.run();
        }
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static void report(String what, double[] sorted) {
        System.out.printf(Locale.ROOT, "%s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static void drain(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rs.getDouble(5);
            }
        }
    }

    private static int points(TelemetrySummary.Window window) {
        return window.series().stream().mapToInt(s -> s.points().size()).sum();
    }

    @FunctionalInterface
    interface Call {
        void run() throws SQLException;
    }
}
