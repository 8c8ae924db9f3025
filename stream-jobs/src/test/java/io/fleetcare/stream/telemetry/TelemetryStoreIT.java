package io.fleetcare.stream.telemetry;

import static io.fleetcare.stream.testing.Telemetry.T0;
import static io.fleetcare.stream.testing.Telemetry.chargerConnectorTemp;
import static io.fleetcare.stream.testing.Telemetry.chargerStatus;
import static io.fleetcare.stream.testing.Telemetry.stbCpuTemp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.infra.postgres.EmbeddedPostgres;
import io.fleetcare.stream.health.DeviceHealthJobMain;
import io.fleetcare.stream.health.LaunchOptions;
import io.fleetcare.stream.testing.KafkaRecords;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The device-health job with its JDBC telemetry store on a real PostgreSQL (no TimescaleDB, so
 * the plain layout), fed over a real Kafka broker, in a MiniCluster of parallelism 2.
 */
class TelemetryStoreIT {

    static final String BOX = "STB-STORE-0001";
    static final String CHARGER = "CP-STORE-0002";
    static final String HOT_BOX = "STB-STORE-HOT-0003";
    static final String COOLED_BOX = "STB-STORE-COOLED-0004";

    static EmbeddedKafka kafka;
    static EmbeddedPostgres postgres;
    static String jdbcUrl;

    @BeforeAll
    static void startInfrastructure() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(2, Topics.DEVICE_TELEMETRY, Topics.DEVICE_ALERTS, Topics.MAINTENANCE_REQUESTS);
        postgres = EmbeddedPostgres.start();
        jdbcUrl = postgres.jdbcUrl("fleetcare_telemetry");
    }

    @AfterAll
    static void stopInfrastructure() {
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void storesEveryReadingOnceKeepsTheNewestStateAndRollsUpPerHourEvenWhenTheTelemetryIsReplayed()
            throws Exception {
        // given: a box reporting over two hours, one reading delivered twice with the same event id,
        // one re-sent under a new event id, and one late reading arriving after newer ones;
        // and a charger with a reading and a newer status
        List<DeviceEvent> telemetry = new ArrayList<>(List.of(
                stbCpuTemp(BOX, 0, 50), stbCpuTemp(BOX, 1200, 60), stbCpuTemp(BOX, 2400, 70),
                stbCpuTemp(BOX, 3600, 55), stbCpuTemp(BOX, 5400, 65)));
        telemetry.add(stbCpuTemp(BOX, 1200, 60));
        DeviceEvent original = stbCpuTemp(BOX, 2400, 70);
        telemetry.add(new DeviceEvent("resent-under-a-new-id", BOX, original.deviceType(), original.model(),
                original.protocol(), original.kind(), original.deviceTs(), original.receivedTs().plusSeconds(5),
                original.metrics(), null, null));
        telemetry.add(stbCpuTemp(BOX, 3000, 75));
        telemetry.add(chargerConnectorTemp(CHARGER, 0, 40));
        telemetry.add(chargerStatus(CHARGER, 30, 1, "Charging", "NoError"));
        // and a box that overheats for a minute, and one that overheats and cools down again
        for (long s = 0; s <= 60; s += 30) {
            telemetry.add(stbCpuTemp(HOT_BOX, s, 90));
            telemetry.add(stbCpuTemp(COOLED_BOX, s, 90));
        }
        telemetry.add(stbCpuTemp(COOLED_BOX, 90, 70));
        KafkaRecords records = new KafkaRecords(kafka.bootstrapServers());
        records.publish(Topics.DEVICE_TELEMETRY, telemetry);

        // when
        runJobOverAllTelemetry("telemetry-store-it");

        // then
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            assertThat(TelemetrySchema.timescale(statement)).as("this PostgreSQL ships no TimescaleDB")
                    .isEqualTo(TelemetrySchema.Timescale.ABSENT);
        }
        assertThat(query("SELECT version, layout FROM telemetry.schema_version ORDER BY version"))
                .as("the plain PostgreSQL layout ran")
                .containsExactly(tuple(1, "PLAIN_POSTGRESQL"), tuple(2, "PLAIN_POSTGRESQL"),
                        tuple(3, "PLAIN_POSTGRESQL"));
        assertThat(query("SELECT count(*) FROM pg_indexes WHERE schemaname = 'telemetry' AND indexdef LIKE '%brin%'"))
                .containsExactly(tuple(1L));
        List<Tuple> readings = query("""
                SELECT metric, ts, value FROM telemetry.reading WHERE device_id = '%s' AND metric = 'cpu_temp_c'
                ORDER BY ts""".formatted(BOX));
        assertThat(readings).containsExactly(
                tuple("cpu_temp_c", at(0), 50.0), tuple("cpu_temp_c", at(1200), 60.0),
                tuple("cpu_temp_c", at(2400), 70.0), tuple("cpu_temp_c", at(3000), 75.0),
                tuple("cpu_temp_c", at(3600), 55.0), tuple("cpu_temp_c", at(5400), 65.0));
        assertThat(query("SELECT count(*) FROM telemetry.reading"))
                .as("6 readings of 2 metrics for the box, 1 for the charger, 3 + 4 readings of 2 metrics for the hot boxes")
                .containsExactly(tuple(27L));
        List<Tuple> rollups = query("""
                SELECT bucket, min_value, max_value, avg_value, count FROM telemetry.reading_hourly_stats
                WHERE device_id = '%s' AND metric = 'cpu_temp_c' ORDER BY bucket""".formatted(BOX));
        assertThat(rollups).containsExactly(
                tuple(at(0), 50.0, 75.0, 63.75, 4L),
                tuple(at(3600), 55.0, 65.0, 60.0, 2L));
        List<Tuple> states = query("""
                SELECT device_id, device_type, last_seen, last_kind, last_metrics->>'cpu_temp_c',
                       last_status->>'state', metrics_at FROM telemetry.device_state
                WHERE device_id IN ('%s', '%s') ORDER BY device_id""".formatted(CHARGER, BOX));
        assertThat(states).containsExactly(
                tuple(CHARGER, "EV_CHARGER", at(30), "STATUS", null, "Charging", at(0)),
                tuple(BOX, "SET_TOP_BOX", at(5400), "METRICS", "65.0", null, at(5400)));
        List<Tuple> health = query("SELECT device_id, open_alerts FROM telemetry.device_health ORDER BY device_id");
        assertThat(health).containsExactly(tuple(CHARGER, 0L), tuple(BOX, 0L), tuple(COOLED_BOX, 0L),
                tuple(HOT_BOX, 1L));
        assertThat(query("SELECT device_id, rule_id, state, episode_start, changed_at FROM telemetry.alert_state "
                + "ORDER BY device_id")).containsExactly(
                tuple(COOLED_BOX, "stb.cpu-overheat", "CLEARED", at(0), at(90)),
                tuple(HOT_BOX, "stb.cpu-overheat", "RAISED", at(0), at(60)));

        // when: the same telemetry is processed again from the start by a job with no state
        runJobOverAllTelemetry("telemetry-store-it-replay");

        // then
        assertThat(query("SELECT count(*) FROM telemetry.reading")).containsExactly(tuple(27L));
        assertThat(query("""
                SELECT bucket, min_value, max_value, avg_value, count FROM telemetry.reading_hourly_stats
                WHERE device_id = '%s' AND metric = 'cpu_temp_c' ORDER BY bucket""".formatted(BOX)))
                .isEqualTo(rollups);
        assertThat(query("""
                SELECT device_id, device_type, last_seen, last_kind, last_metrics->>'cpu_temp_c',
                       last_status->>'state', metrics_at FROM telemetry.device_state
                WHERE device_id IN ('%s', '%s') ORDER BY device_id""".formatted(CHARGER, BOX))).isEqualTo(states);
        assertThat(query("SELECT device_id, open_alerts FROM telemetry.device_health ORDER BY device_id"))
                .as("the replayed raise does not reopen the cleared alert").isEqualTo(health);
    }

    private static void runJobOverAllTelemetry(String groupId) throws Exception {
        LaunchOptions options = LaunchOptions.parse(Map.of(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--group-id", groupId, "--local",
                "--parallelism", "2", "--checkpoint-interval", "PT1S", "--rules", itRules().toString(),
                "--jdbc-url", jdbcUrl, "--jdbc-user", postgres.username(), "--jdbc-password", postgres.password());
        JobClient job = DeviceHealthJobMain.start(options, DeviceHealthJobMain.rules(options));
        try {
            new KafkaRecords(kafka.bootstrapServers()).awaitCommittedToEnd(groupId, Topics.DEVICE_TELEMETRY);
        } finally {
            job.cancel().get();
        }
    }

    private static OffsetDateTime at(long seconds) {
        return T0.plusSeconds(seconds).atOffset(java.time.ZoneOffset.UTC);
    }

    private static List<Tuple> query(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.username(), postgres.password());
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

    private static Path itRules() throws Exception {
        return Path.of(TelemetryStoreIT.class.getResource("/rules/device-health-it-rules.yaml").toURI());
    }
}
