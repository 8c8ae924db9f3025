package io.fleetcare.stream.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fleetcare.infra.postgres.EmbeddedPostgres;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The telemetry store's batched sinks against a real PostgreSQL (plain layout): what one batch leaves in the tables,
 * that a batch is one statement per table (each rollup row and each device's state row written once per batch, not
 * once per element), that replaying a batch changes nothing, and that a failed batch is retried whole. The writers
 * are driven directly, with a processing-time service whose timers fire only when the test says so.
 */
class TelemetryBatchWritesIT {

    static final Instant HOUR = Instant.parse("2026-11-24T10:00:00Z");

    static EmbeddedPostgres postgres;
    static JdbcSettings jdbc;

    @BeforeAll
    static void startPostgres() throws SQLException {
        postgres = EmbeddedPostgres.start();
        jdbc = new JdbcSettings(postgres.jdbcUrl("fleetcare_batch_writes"), postgres.username(), postgres.password());
        assertThat(TelemetrySchema.migrate(jdbc)).isEqualTo(StorageLayout.PLAIN_POSTGRESQL);
        // every row insert and update of the rollup and state tables, counted by triggers of this test
        try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE row_writes (tbl text, device_id text, op text)");
            statement.execute("""
                    CREATE FUNCTION count_row_write() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO row_writes VALUES (TG_TABLE_NAME, NEW.device_id, TG_OP);
                        RETURN NEW;
                    END $$""");
            for (String table : List.of("reading_hourly", "device_state")) {
                statement.execute("CREATE TRIGGER count_writes AFTER INSERT OR UPDATE ON telemetry." + table
                        + " FOR EACH ROW EXECUTE FUNCTION count_row_write()");
            }
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aBatchOfReadingsStoresEachOnceAndUpsertsEachHourlyRollupOnceAndAReplayChangesNothing() throws Exception {
        // given: 300 readings of one metric within one hour, one of them twice in the batch, and one in the next hour
        String device = "STB-BATCH-0001";
        List<TelemetryReading> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(new TelemetryReading(device, "cpu_temp_c", HOUR.plusSeconds(10L * i), 50 + i % 10));
        }
        batch.add(new TelemetryReading(device, "cpu_temp_c", HOUR.plusSeconds(10), 99));
        batch.add(new TelemetryReading(device, "cpu_temp_c", HOUR.plusSeconds(3_600), 70));

        // when
        write(TelemetryStoreSinks.readings(jdbc, StorageLayout.PLAIN_POSTGRESQL), batch);

        // then
        assertThat(query("SELECT count(*), max(value) FROM telemetry.reading WHERE device_id = '" + device + "'"))
                .as("the reading sent twice is stored once, with its first value")
                .containsExactly(tuple(301L, 70.0));
        List<Tuple> rollups = query("SELECT bucket, min_value, max_value, count FROM telemetry.reading_hourly"
                + " WHERE device_id = '" + device + "' ORDER BY bucket");
        assertThat(rollups).containsExactly(tuple(at(HOUR), 50.0, 59.0, 300L),
                tuple(at(HOUR.plusSeconds(3_600)), 70.0, 70.0, 1L));
        assertThat(rowWrites("reading_hourly", device))
                .as("one insert per rollup row, no update per reading")
                .containsExactly(tuple("INSERT", 2L));

        // when: the same batch again, as after a restore from a checkpoint taken before it
        write(TelemetryStoreSinks.readings(jdbc, StorageLayout.PLAIN_POSTGRESQL), batch);

        // then
        assertThat(query("SELECT count(*) FROM telemetry.reading WHERE device_id = '" + device + "'"))
                .containsExactly(tuple(301L));
        assertThat(query("SELECT bucket, min_value, max_value, count FROM telemetry.reading_hourly"
                + " WHERE device_id = '" + device + "' ORDER BY bucket")).isEqualTo(rollups);
    }

    @Test
    void aBatchOfStateUpdatesWritesEachDeviceOnceAndLateUpdatesInTheBatchNeverOverwriteNewerState()
            throws Exception {
        // given: a box whose newer metrics arrive before older ones, and a charger whose state is already newer
        String box = "STB-BATCH-STATE-0002";
        String charger = "CP-BATCH-STATE-0003";
        write(TelemetryStoreSinks.deviceStates(jdbc), List.of(new DeviceStateUpdate(charger, "EV_CHARGER", "AC-22",
                HOUR.plusSeconds(600), "STATUS", null, "{\"state\":\"Charging\"}")));
        List<DeviceStateUpdate> batch = new ArrayList<>();
        batch.add(new DeviceStateUpdate(box, "SET_TOP_BOX", "STB-4K-200", HOUR.plusSeconds(30), "METRICS",
                "{\"cpu_temp_c\":61.0}", null));
        batch.add(new DeviceStateUpdate(box, "SET_TOP_BOX", "STB-4K-200", HOUR.plusSeconds(40), "HEARTBEAT",
                null, null));
        batch.add(new DeviceStateUpdate(box, "SET_TOP_BOX", "STB-4K-200", HOUR.plusSeconds(10), "METRICS",
                "{\"cpu_temp_c\":50.0}", null));
        for (int i = 0; i < 100; i++) {
            batch.add(new DeviceStateUpdate(charger, "EV_CHARGER", "AC-22", HOUR.plusSeconds(i), "STATUS", null,
                    "{\"state\":\"Faulted\"}"));
        }

        // when
        write(TelemetryStoreSinks.deviceStates(jdbc), batch);

        // then
        assertThat(query("SELECT device_id, last_seen, last_kind, last_metrics->>'cpu_temp_c', metrics_at,"
                + " last_status->>'state', status_at FROM telemetry.device_state WHERE device_id IN ('" + box + "', '"
                + charger + "') ORDER BY device_id")).containsExactly(
                tuple(charger, at(HOUR.plusSeconds(600)), "STATUS", null, null, "Charging", at(HOUR.plusSeconds(600))),
                tuple(box, at(HOUR.plusSeconds(40)), "HEARTBEAT", "61.0", at(HOUR.plusSeconds(30)), null, null));
        assertThat(rowWrites("device_state", charger)).as("the charger's row is updated once for 100 updates")
                .containsExactly(tuple("INSERT", 1L), tuple("UPDATE", 1L));
        assertThat(rowWrites("device_state", box)).containsExactly(tuple("INSERT", 1L));
    }

    @Test
    void aBatchThatFailsIsRolledBackAndWrittenWholeOnTheNextAttempt() throws Exception {
        // given: a write that stores the batch and then fails once before its commit
        String device = "STB-BATCH-RETRY-0004";
        AtomicInteger attempts = new AtomicInteger();
        BatchStatementSink.BatchWrite<TelemetryReading> failingOnce = (connection, batch) -> {
            try (Statement statement = connection.createStatement()) {
                for (TelemetryReading r : batch) {
                    statement.addBatch("INSERT INTO telemetry.reading (device_id, metric, ts, value) VALUES ('"
                            + r.deviceId() + "', '" + r.metric() + "', '" + r.ts() + "', " + r.value() + ")");
                }
                statement.executeBatch();
            }
            if (attempts.incrementAndGet() == 1) {
                throw new SQLException("connection reset (simulated)");
            }
        };
        List<TelemetryReading> batch = List.of(new TelemetryReading(device, "m", HOUR, 1),
                new TelemetryReading(device, "m", HOUR.plusSeconds(1), 2));

        // when
        write(new BatchStatementSink<>(jdbc, failingOnce, 100, 1_000, 1), batch);

        // then: without the rollback the second attempt would have hit the primary key
        assertThat(attempts).hasValue(2);
        assertThat(query("SELECT count(*) FROM telemetry.reading WHERE device_id = '" + device + "'"))
                .containsExactly(tuple(2L));

        // and a write that keeps failing fails the writer (the job restarts from its checkpoint) instead of dropping
        BatchStatementSink.BatchWrite<TelemetryReading> alwaysFailing = (connection, b) -> {
            throw new SQLException("database down (simulated)");
        };
        assertThatThrownBy(() -> write(new BatchStatementSink<>(jdbc, alwaysFailing, 100, 1_000, 1), batch))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("failed 2 times");
    }

    @Test
    void aBatchIsWrittenWhenItIsFullOrItsDelayHasPassedEvenWithoutACheckpoint() throws Exception {
        // given
        String device = "STB-BATCH-TIMER-0005";
        ManualTime time = new ManualTime();
        Sink<TelemetryReading> sink = TelemetryStoreSinks.readings(jdbc, StorageLayout.PLAIN_POSTGRESQL, 3, 500);
        try (SinkWriter<TelemetryReading> writer = sink.createWriter(context(time))) {
            // when: two readings, fewer than a batch
            writer.write(new TelemetryReading(device, "m", HOUR, 1), null);
            writer.write(new TelemetryReading(device, "m", HOUR.plusSeconds(1), 2), null);
            // then: nothing written until the delay passes, then the batch goes to the writer's database thread
            assertThat(count(device)).isZero();
            time.fire();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(device)).isEqualTo(2L));

            // when: a full batch of three
            for (int i = 2; i < 5; i++) {
                writer.write(new TelemetryReading(device, "m", HOUR.plusSeconds(i), i), null);
            }
            // then: handed over at once, without a timer or a checkpoint
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(device)).isEqualTo(5L));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static long count(String device) throws Exception {
        return (Long) query("SELECT count(*) FROM telemetry.reading WHERE device_id = '" + device + "'")
                .get(0).toArray()[0];
    }

    /** Row inserts and updates of a table's rows of one device, as the test's triggers counted them. */
    private static List<Tuple> rowWrites(String table, String device) throws Exception {
        return query("SELECT op, count(*) FROM row_writes WHERE tbl = '" + table + "' AND device_id = '" + device
                + "' GROUP BY op ORDER BY op");
    }

    /** Writes {@code elements} through a fresh writer of {@code sink} and flushes it, as a checkpoint would. */
    private static <T> void write(Sink<T> sink, List<T> elements) throws Exception {
        try (SinkWriter<T> writer = sink.createWriter(context(new ManualTime()))) {
            for (T element : elements) {
                writer.write(element, null);
            }
            writer.flush(false);
        }
    }

    /** Processing time that stands still; {@link #fire()} runs the registered timers. */
    static final class ManualTime implements ProcessingTimeService {

        private final List<ProcessingTimeCallback> timers = new ArrayList<>();

        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback target) {
            timers.add(target);
            return null;
        }

        void fire() throws Exception {
            List<ProcessingTimeCallback> due = new ArrayList<>(timers);
            timers.clear();
            for (ProcessingTimeCallback timer : due) {
                timer.onProcessingTime(0);
            }
        }
    }

    /** A writer context that offers only the processing-time service (all these writers use). */
    static WriterInitContext context(ProcessingTimeService time) {
        return (WriterInitContext) Proxy.newProxyInstance(TelemetryBatchWritesIT.class.getClassLoader(),
                new Class<?>[] {WriterInitContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProcessingTimeService")) {
                        return time;
                    }
                    throw new UnsupportedOperationException(method.getName() + " is not offered by this test");
                });
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static List<Tuple> query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
             Statement statement = connection.createStatement()) {
            statement.execute("SET TIME ZONE 'UTC'");
            try (ResultSet rows = statement.executeQuery(sql)) {
                List<Tuple> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    Object[] values = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        String type = rows.getMetaData().getColumnTypeName(i + 1);
                        values[i] = type.equals("timestamptz") ? rows.getObject(i + 1, OffsetDateTime.class)
                                : rows.getObject(i + 1);
                    }
                    result.add(new Tuple(values));
                }
                return result;
            }
        }
    }
}
