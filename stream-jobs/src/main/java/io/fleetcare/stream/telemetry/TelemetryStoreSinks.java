package io.fleetcare.stream.telemetry;

import io.fleetcare.events.Alert;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The production JDBC sinks of the telemetry store (Sink V2, at least once). Every statement is
 * idempotent, so the records a restore replays change nothing: effectively once.
 * Batches are written when they hold {@value #BATCH_SIZE} rows, every {@value #BATCH_INTERVAL_MS} ms,
 * and on every checkpoint.
 */
public final class TelemetryStoreSinks {

    static final int BATCH_SIZE = 500;
    static final long BATCH_INTERVAL_MS = 1_000;
    private static final int MAX_RETRIES = 3;

    /**
     * Upsert of the latest state of a device. Each part only moves forward in device time:
     * {@code last_seen} is the newest event time seen, metrics and status are replaced only by
     * newer ones, so late or replayed events never overwrite newer state.
     */
    static final String UPSERT_DEVICE_STATE = """
            INSERT INTO telemetry.device_state AS s (device_id, device_type, model, last_seen, last_kind,
                last_metrics, metrics_at, last_status, status_at)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
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
        return JdbcSink.<TelemetryReading>builder()
                .withQueryStatement(layout.insertReadingSql(), (statement, reading) -> {
                    statement.setString(1, reading.deviceId());
                    statement.setString(2, reading.metric());
                    statement.setObject(3, utc(reading.ts()));
                    statement.setDouble(4, reading.value());
                })
                .withExecutionOptions(executionOptions())
                .buildAtLeastOnce(connection(jdbc));
    }

    /** Latest state per device into {@code telemetry.device_state}. */
    public static Sink<DeviceStateUpdate> deviceStates(JdbcSettings jdbc) {
        return JdbcSink.<DeviceStateUpdate>builder()
                .withQueryStatement(UPSERT_DEVICE_STATE, (statement, update) -> {
                    OffsetDateTime seenAt = utc(update.seenAt());
                    statement.setString(1, update.deviceId());
                    statement.setString(2, update.deviceType());
                    statement.setString(3, update.model());
                    statement.setObject(4, seenAt);
                    statement.setString(5, update.kind());
                    statement.setString(6, update.metricsJson());
                    if (update.metricsJson() == null) {
                        statement.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        statement.setObject(7, seenAt);
                    }
                    statement.setString(8, update.statusJson());
                    if (update.statusJson() == null) {
                        statement.setNull(9, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        statement.setObject(9, seenAt);
                    }
                })
                .withExecutionOptions(executionOptions())
                .buildAtLeastOnce(connection(jdbc));
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
                .withBatchSize(BATCH_SIZE)
                .withBatchIntervalMs(BATCH_INTERVAL_MS)
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
