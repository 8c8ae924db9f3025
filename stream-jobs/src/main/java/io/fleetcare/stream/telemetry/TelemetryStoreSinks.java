package io.fleetcare.stream.telemetry;

import io.fleetcare.events.Alert;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The production JDBC sinks of the telemetry store (Sink V2, at least once). Every statement is
 * idempotent, so the records a restore replays change nothing: effectively once.
 * Readings and device states go through {@link BatchStatementSink}: one set-based statement per
 * batch of at most {@value #READING_BATCH_SIZE} readings or {@value #STATE_BATCH_SIZE} state updates,
 * written at the latest {@value #BATCH_DELAY_MS} ms after its first element and on every checkpoint;
 * device states are merged per device within the batch first. Alert states (few) go through the JDBC
 * connector's sink, {@value #ALERT_BATCH_SIZE} rows or {@value #ALERT_BATCH_INTERVAL_MS} ms per batch.
 */
public final class TelemetryStoreSinks {

    static final int READING_BATCH_SIZE = 20_000;
    static final int STATE_BATCH_SIZE = 5_000;
    static final long BATCH_DELAY_MS = 500;
    static final int ALERT_BATCH_SIZE = 500;
    static final long ALERT_BATCH_INTERVAL_MS = 1_000;
    private static final int MAX_RETRIES = 3;

    /**
     * Upsert of the latest state of many devices at once (one array element per device, each device at
     * most once: see {@link DeviceStateUpdate#mergeByDevice}). Each part only moves forward in device time:
     * {@code last_seen} is the newest event time seen, metrics and status are replaced only by
     * newer ones, so late or replayed events never overwrite newer state.
     */
    static final String UPSERT_DEVICE_STATES = """
            INSERT INTO telemetry.device_state AS s (device_id, device_type, model, last_seen, last_kind,
                last_metrics, metrics_at, last_status, status_at)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::text[],
                                 ?::text[]::jsonb[], ?::text[]::timestamptz[], ?::text[]::jsonb[], ?::text[]::timestamptz[])
            ON CONFLICT (device_id) DO UPDATE SET
                device_type = CASE WHEN EXCLUDED.last_seen >= s.last_seen THEN EXCLUDED.device_type ELSE s.device_type END,
                model = CASE WHEN EXCLUDED.last_seen >= s.last_seen THEN EXCLUDED.model ELSE s.model END,
                last_kind = CASE WHEN EXCLUDED.last_seen >= s.last_seen THEN EXCLUDED.last_kind ELSE s.last_kind END,
                last_seen = GREATEST(s.last_seen, EXCLUDED.last_seen),
                last_metrics = CASE WHEN EXCLUDED.metrics_at >= s.metrics_at OR s.metrics_at IS NULL
                                    THEN COALESCE(EXCLUDED.last_metrics, s.last_metrics) ELSE s.last_metrics END,
                metrics_at = GREATEST(s.metrics_at, EXCLUDED.metrics_at),
                last_status = CASE WHEN EXCLUDED.status_at >= s.status_at OR s.status_at IS NULL
                                   THEN COALESCE(EXCLUDED.last_status, s.last_status) ELSE s.last_status END,
                status_at = GREATEST(s.status_at, EXCLUDED.status_at),
                updated_at = now()""";

    /**
     * Upsert of the state of an alert episode: a newer change wins, and at the same time CLEARED
     * wins over RAISED, so replays and reordering cannot reopen a cleared alert.
     */
    static final String UPSERT_ALERT_STATE = """
            INSERT INTO telemetry.alert_state AS a (alert_id, device_id, rule_id, severity, state, episode_start, changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (alert_id) DO UPDATE SET
                severity = EXCLUDED.severity, state = EXCLUDED.state, changed_at = EXCLUDED.changed_at
            WHERE EXCLUDED.changed_at > a.changed_at
               OR (EXCLUDED.changed_at = a.changed_at AND EXCLUDED.state = 'CLEARED')""";

    private TelemetryStoreSinks() {
    }

    /** Every reading into {@code telemetry.reading} (and, on plain PostgreSQL, the hourly rollups). */
    public static Sink<TelemetryReading> readings(JdbcSettings jdbc, StorageLayout layout) {
        return readings(jdbc, layout, READING_BATCH_SIZE, BATCH_DELAY_MS);
    }

    static Sink<TelemetryReading> readings(JdbcSettings jdbc, StorageLayout layout, int maxBatch, long maxDelayMs) {
        String sql = layout.insertReadingsSql();
        return new BatchStatementSink<>(jdbc, (connection, batch) -> {
            int n = batch.size();
            String[] devices = new String[n];
            String[] metrics = new String[n];
            String[] times = new String[n];
            Double[] values = new Double[n];
            for (int i = 0; i < n; i++) {
                TelemetryReading reading = batch.get(i);
                devices[i] = reading.deviceId();
                metrics[i] = reading.metric();
                times[i] = reading.ts().toString();
                values[i] = reading.value();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("text", devices));
                statement.setArray(2, connection.createArrayOf("text", metrics));
                statement.setArray(3, connection.createArrayOf("text", times));
                statement.setArray(4, connection.createArrayOf("float8", values));
                statement.execute();
            }
        }, maxBatch, maxDelayMs, MAX_RETRIES);
    }

    /** Latest state per device into {@code telemetry.device_state}. */
    public static Sink<DeviceStateUpdate> deviceStates(JdbcSettings jdbc) {
        return new BatchStatementSink<>(jdbc, (connection, batch) -> {
            List<DeviceStateUpdate.Merged> merged = DeviceStateUpdate.mergeByDevice(batch);
            int n = merged.size();
            String[][] columns = new String[9][n];
            for (int i = 0; i < n; i++) {
                DeviceStateUpdate.Merged m = merged.get(i);
                columns[0][i] = m.deviceId();
                columns[1][i] = m.deviceType();
                columns[2][i] = m.model();
                columns[3][i] = m.seenAt().toString();
                columns[4][i] = m.kind();
                columns[5][i] = m.metricsJson();
                columns[6][i] = m.metricsAt() == null ? null : m.metricsAt().toString();
                columns[7][i] = m.statusJson();
                columns[8][i] = m.statusAt() == null ? null : m.statusAt().toString();
            }
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_DEVICE_STATES)) {
                for (int c = 0; c < columns.length; c++) {
                    statement.setArray(c + 1, connection.createArrayOf("text", columns[c]));
                }
                statement.execute();
            }
        }, STATE_BATCH_SIZE, BATCH_DELAY_MS, MAX_RETRIES);
    }

    /** The state of every alert episode into {@code telemetry.alert_state}. */
    public static Sink<Alert> alertStates(JdbcSettings jdbc) {
        return JdbcSink.<Alert>builder()
                .withQueryStatement(UPSERT_ALERT_STATE, (statement, alert) -> {
                    statement.setString(1, alert.alertId());
                    statement.setString(2, alert.deviceId());
                    statement.setString(3, alert.ruleId());
                    statement.setString(4, alert.severity().name());
                    statement.setString(5, alert.state().name());
                    statement.setObject(6, utc(alert.episodeStart()));
                    statement.setObject(7, utc(alert.ts()));
                })
                .withExecutionOptions(executionOptions())
                .buildAtLeastOnce(connection(jdbc));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static JdbcExecutionOptions executionOptions() {
        return JdbcExecutionOptions.builder()
                .withBatchSize(ALERT_BATCH_SIZE)
                .withBatchIntervalMs(ALERT_BATCH_INTERVAL_MS)
                .withMaxRetries(MAX_RETRIES)
                .build();
    }

    private static JdbcConnectionOptions connection(JdbcSettings jdbc) {
        JdbcConnectionOptions.JdbcConnectionOptionsBuilder options = new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(jdbc.url())
                .withDriverName("org.postgresql.Driver");
        if (jdbc.user() != null) {
            options.withUsername(jdbc.user());
        }
        if (jdbc.password() != null) {
            options.withPassword(jdbc.password());
        }
        return options.build();
    }
}
