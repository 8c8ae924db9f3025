package io.fleetcare.api.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestRepairs;
import io.fleetcare.api.TestGrants;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.archive.ArchiveCipher;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup and restore commands (issue 7, acceptance 5): a backup of the running service's database restored into a
 * fresh database holds every table row for row — records, amendments, audit entries, grants, telemetry — with the
 * append-only triggers working again and the sealed fields opening with the service's key.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BackupRestoreIT {

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    ArchiveCipher cipher;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @TempDir
    Path temp;

    @Test
    void aBackupRestoredIntoAFreshDatabaseHoldsEveryRecordAmendmentAndAuditEntry() throws Exception {
        // given
        String manager = TestAccounts.ensure(accountService, accounts, "backup-manager", Role.SERVICE_MANAGER);
        String engineer = TestAccounts.ensure(accountService, accounts, "backup-engineer", Role.FIELD_ENGINEER);
        long customer = as(manager).contentType(ContentType.JSON).body(Map.of("name", "Backup Harbour", "tier", "A",
                "kind", "BUSINESS", "address", "Quay 9", "contacts", List.of(Map.of("name", "Ms Sun", "phone", "+86 21 1111 2222"))))
                .post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("customerId");
        String device = registerDevice(manager, customer);
        String ticket = TestRepairs.onSite(manager, engineer, as(manager).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "deviceId", device, "deviceType", "EV_CHARGER",
                        "problem", "does not charge", "severity", "MAJOR"))
                .post("/api/tickets").then().statusCode(201).extract().<String>path("number"));
        long contactor = TestRepairs.stockedPart(manager, "contactor", "Ningbo depot", 2);
        long record = as(engineer).contentType(ContentType.JSON).body(record(device, ticket, contactor))
                .post("/api/repairs")
                .then().statusCode(201).extract().jsonPath().getLong("recordId");
        long amendment = as(engineer).contentType(ContentType.JSON).body(Map.of("field", "CAUSE",
                "value", "contactor welded shut", "reason", "typo")).post("/api/repairs/" + record + "/amendments")
                .then().statusCode(201).extract().jsonPath().getLong("amendments[0].amendmentId");
        as(manager).post("/api/repairs/" + record + "/amendments/" + amendment + "/approval").then().statusCode(200);
        TestGrants.approved(manager, customer);
        as(manager).get("/api/customers/" + customer).then().statusCode(200);
        telemetryProbe();
        DatabaseConnection source = new DatabaseConnection(url, user, password);
        String fresh = "restored_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, "CREATE DATABASE " + fresh);
        DatabaseConnection target = new DatabaseConnection(url.replaceFirst("/[^/?]+(\\?|$)", "/" + fresh + "$1"),
                user, password);
        Path backup = temp.resolve("backup");

        // when
        BackupManifest taken = DatabaseBackup.backup(source, backup);
        DatabaseRestore.restore(target, backup);

        // then
        assertThat(Files.exists(backup.resolve("manifest.properties"))).isTrue();
        List<String> tables = new ArrayList<>();
        for (TableCopy table : taken.tables()) {
            tables.add(table.schema() + "." + table.name());
            assertThat(fingerprint(target, table)).as(table.qualified()).isEqualTo(fingerprint(source, table));
        }
        assertThat(tables).contains("public.customer", "public.customer_contact", "public.repair_record",
                "public.repair_part", "public.repair_amendment", "public.audit_entry", "public.access_grant",
                "public.account", "backup_probe.reading");
        assertThat(taken.tables()).filteredOn(t -> t.name().equals("repair_amendment")).singleElement()
                .matches(t -> t.rows() > 0);
        assertThat(taken.tables()).filteredOn(t -> t.name().equals("audit_entry")).singleElement()
                .matches(t -> t.rows() > 0);
        assertThat(cipher.open(single(target, "SELECT phone FROM customer_contact WHERE customer_id = " + customer)))
                .isEqualTo("+86 21 1111 2222");
        assertThat(single(target, "SELECT corrected_value FROM repair_amendment WHERE record_id = " + record))
                .isEqualTo("contactor welded shut");
        assertThat(single(target, "SELECT count(*)::text FROM backup_probe.latest")).isEqualTo("2");
        assertThatThrownBy(() -> execute(target.url(), "UPDATE audit_entry SET actor = 'x'"))
                .hasMessageContaining("UPDATE refused");
        assertThatThrownBy(() -> execute(target.url(), "DELETE FROM repair_record WHERE id = " + record))
                .hasMessageContaining("DELETE refused");
        assertThat(single(target, "SELECT (nextval('audit_entry_id_seq') > max(id))::text FROM audit_entry"))
                .isEqualTo("true");
        assertThatThrownBy(() -> DatabaseRestore.restore(target, backup)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not empty");
    }

    private void telemetryProbe() throws SQLException {
        execute(url, "CREATE SCHEMA IF NOT EXISTS backup_probe");
        execute(url, """
                CREATE TABLE IF NOT EXISTS backup_probe.reading (
                    id bigserial PRIMARY KEY, device_id text NOT NULL, ts timestamptz NOT NULL,
                    metrics jsonb NOT NULL DEFAULT '{}'::jsonb, value double precision)""");
        execute(url, "CREATE INDEX IF NOT EXISTS reading_device_ts ON backup_probe.reading (device_id, ts DESC)");
        execute(url, """
                CREATE OR REPLACE VIEW backup_probe.latest AS
                SELECT DISTINCT ON (device_id) device_id, ts, value FROM backup_probe.reading
                ORDER BY device_id, ts DESC""");
        execute(url, "DELETE FROM backup_probe.reading");
        execute(url, """
                INSERT INTO backup_probe.reading (device_id, ts, metrics, value) VALUES
                ('CP-1', now(), '{"power_kw": 58.2}', 58.2), ('CP-1', now() - interval '1 hour', '{}', NULL),
                ('STB-1', now(), '{"cpu_temp_c": 91.5}', 91.5)""");
    }

    private static String fingerprint(DatabaseConnection db, TableCopy table) throws SQLException {
        return single(db, "SELECT count(*) || ':' || coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') "
                + "FROM (SELECT " + table.columnList() + " FROM " + table.qualified() + ") r");
    }

    private static String single(DatabaseConnection db, String sql) throws SQLException {
        try (Connection c = db.open(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = new DatabaseConnection(jdbcUrl, user, password).open();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String registerDevice(String manager, long customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", "CP-BK-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("deviceType", "EV_CHARGER");
        body.put("model", "DC-60");
        body.put("serial", "SN-" + UUID.randomUUID());
        body.put("siteAddress", "Quay 9, bay 2");
        body.put("producedOn", "2025-01-10");
        body.put("customerId", customerId);
        return as(manager).contentType(ContentType.JSON).body(body).post("/api/devices")
                .then().statusCode(201).extract().path("deviceId");
    }

    private static Map<String, Object> record(String deviceId, String ticket, long partId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "REPAIR");
        body.put("deviceId", deviceId);
        body.put("symptom", "does not start charging");
        body.put("cause", "contactor weldd");
        body.put("workDone", "contactor replaced");
        body.put("testResult", "charged a test vehicle");
        body.put("minutesSpent", 45);
        body.put("performedAt", Instant.now().minusMillis(1).toString());
        body.put("ticketNumber", ticket);
        body.put("partsReplaced", List.of(Map.of("partId", partId, "location", "Ningbo depot", "quantity", 1,
                "reason", "welded")));
        return body;
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
