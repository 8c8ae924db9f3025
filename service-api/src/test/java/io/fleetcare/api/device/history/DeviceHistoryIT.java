package io.fleetcare.api.device.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestRepairs;
import io.fleetcare.api.TestGrants;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.alert.AlertService;
import io.fleetcare.api.ticket.TicketIntake;
import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device history and the visit brief over REST, against the service's schema and telemetry rollups. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeviceHistoryIT {

    private static final String METRIC = "connector.1.temperature_c";
    private static final String INJECTION = "<script>alert('x')</script> & \"Depot\"";
    private static final ZoneId SERVICE_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    DataSource dataSource;

    @Inject
    TicketIntake intake;

    @Inject
    AlertService alerts;

    private String manager;
    private String engineer;
    /** An engineer not assigned to the device's open case, so holding no grant (issue 20: the assigned one has). */
    private String otherEngineer;

    @BeforeEach
    void accountsAndRollups() throws SQLException {
        manager = TestAccounts.ensure(accountService, accounts, "hist-manager", Role.SERVICE_MANAGER);
        engineer = TestAccounts.ensure(accountService, accounts, "hist-engineer", Role.FIELD_ENGINEER);
        otherEngineer = TestAccounts.ensure(accountService, accounts, "hist-engineer-2", Role.FIELD_ENGINEER);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS telemetry");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS telemetry.reading_hourly (
                        device_id text NOT NULL, metric text NOT NULL, bucket timestamptz NOT NULL,
                        min_value double precision NOT NULL, max_value double precision NOT NULL,
                        sum_value double precision NOT NULL, count bigint NOT NULL,
                        PRIMARY KEY (device_id, metric, bucket))""");
            st.execute("""
                    CREATE OR REPLACE VIEW telemetry.reading_hourly_stats AS
                    SELECT device_id, metric, bucket, min_value, max_value, sum_value / count AS avg_value, count
                      FROM telemetry.reading_hourly""");
        }
    }

    @Test
    void managerWithAGrantReadsTheWholeHistoryOfAVisitWithTheCustomerInFull() throws SQLException {
        // given
        Fixture f = deviceWithAYearOfHistory();
        long grant = TestGrants.approved(manager, f.customerId);

        // when
        JsonPath history = as(manager).get("/api/devices/" + f.deviceId + "/history")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();

        // then
        assertThat(history.getString("device.deviceId")).isEqualTo(f.deviceId);
        assertThat(history.getList("warranty.components.category")).containsExactly("FREE", "PAID");
        assertThat(history.getString("customer.name")).isEqualTo("Harbour Logistics");
        assertThat(history.getString("customer.address")).isEqualTo("Harbour Road 12");
        assertThat(history.getList("customer.contacts.phone")).containsExactly("+86 21 5555 0101");
        assertThat(history.getBoolean("customer.classOneWithheld")).isFalse();
        assertThat(history.getLong("customer.grantId")).isEqualTo(grant);
        assertThat(history.getList("openAlerts.alertId")).containsExactly(f.alertId);
        assertThat(history.getList("tickets.number")).containsExactlyInAnyOrder(f.correctiveTicket, f.preventiveTicket);
        assertThat(history.getList("repairs.kind")).containsExactly("REPAIR", "MAINTENANCE");
        assertThat(history.getList("partsReplaced.part")).containsExactly("contactor");
        assertThat(history.getString("maintenance.last.current.workDone")).isEqualTo("Cleaned filters, tightened lugs");
        assertThat(history.getList("maintenance.due.ticketNumber")).containsExactly(f.preventiveTicket);
        assertThat(history.getString("maintenance.due[0].kind")).isEqualTo("PREVENTIVE");
    }

    @Test
    void telemetryIsDownsampledToHoursDaysAndWeeksFromTheRollups() throws SQLException {
        // given
        Fixture f = deviceWithAYearOfHistory();

        // when
        JsonPath t = as(engineer).get("/api/devices/" + f.deviceId + "/history")
                .then().statusCode(200).extract().jsonPath().setRootPath("telemetry");

        // then
        assertThat(t.getBoolean("available")).isTrue();
        assertThat(t.getString("last24Hours.resolution")).isEqualTo("PT1H");
        assertThat(t.getList("last24Hours.series.metric")).containsExactly(METRIC);
        assertThat(t.getList("last24Hours.series[0].points")).hasSize(2);
        List<Long> daily = t.getList("last30Days.series[0].points.count", Long.class);
        assertThat(daily.get(0)).as("the two hours ten days ago in one day").isEqualTo(90L);
        assertThat(daily.stream().mapToLong(Long::longValue).sum()).isEqualTo(90 + 60 + 30);
        assertThat(t.getDouble("last30Days.series[0].points[0].avg")).isCloseTo(40.0 / 3, within());
        assertThat(t.getDouble("last30Days.series[0].points[0].min")).isEqualTo(5.0);
        assertThat(t.getDouble("last30Days.series[0].points[0].max")).isEqualTo(25.0);
        assertThat(t.getList("lastYear.series[0].points.count", Long.class).stream().mapToLong(Long::longValue).sum())
                .as("readings of the year, the one older than a year left out").isEqualTo(60 + 90 + 60 + 30);
    }

    @Test
    void engineerWithoutAGrantGetsTheCustomerWithClassOneFieldsMasked() throws SQLException {
        // given
        Fixture f = deviceWithAYearOfHistory();

        // when
        JsonPath history = as(otherEngineer).get("/api/devices/" + f.deviceId + "/history")
                .then().statusCode(200).extract().jsonPath();

        // then
        assertThat(history.getString("customer.name")).isEqualTo("Harbour Logistics");
        assertThat(history.getBoolean("customer.classOneWithheld")).isTrue();
        assertThat(history.getMap("customer")).doesNotContainKeys("devices", "grantId");
        assertThat(history.getString("customer.address")).isEqualTo("***");
        assertThat(history.getList("customer.contacts.phone")).containsExactly("+** ** **** 0101");
    }

    @Test
    void briefIsPrintableHtmlWithEveryDeviceFieldEscaped() throws SQLException {
        // given
        Fixture f = deviceWithAYearOfHistory();

        // when
        String html = as(otherEngineer).get("/api/devices/" + f.deviceId + "/brief")
                .then().statusCode(200).contentType(ContentType.HTML).extract().asString();

        // then
        assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Depot&quot;")
                .doesNotContain("<script>");
        assertThat(html).contains(f.preventiveTicket, "contactor", "Cleaned filters, tightened lugs", METRIC)
                .contains("Address and contacts are masked")
                .doesNotContain("Harbour Road 12");
    }

    @Test
    void historySaysSoWhenTheTelemetryRollupsAreMissing() throws SQLException {
        // given
        String deviceId = register(null);
        execute("ALTER VIEW telemetry.reading_hourly_stats RENAME TO reading_hourly_stats_hidden");
        JsonPath t;
        try {
            // when
            t = as(engineer).get("/api/devices/" + deviceId + "/history")
                    .then().statusCode(200).extract().jsonPath().setRootPath("telemetry");
        } finally {
            execute("ALTER VIEW telemetry.reading_hourly_stats_hidden RENAME TO reading_hourly_stats");
        }

        // then
        assertThat(t.getBoolean("available")).isFalse();
        assertThat(t.getString("unavailableReason")).contains("telemetry.reading_hourly_stats");
        assertThat(t.getList("last24Hours.series")).isEmpty();
        assertThat(t.getList("lastYear.series")).isEmpty();
    }

    @Test
    void unknownDeviceIsAnswered404ProblemOnBothEndpoints() {
        // when / then
        for (String path : List.of("history", "brief")) {
            as(engineer).get("/api/devices/no-such-device/" + path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("device-not-found"));
        }
    }

    @Test
    void nocOperatorIsRefused() {
        // given
        String noc = TestAccounts.ensure(accountService, accounts, "hist-noc", Role.NOC_OPERATOR);

        // when / then
        as(noc).get("/api/devices/no-such-device/history").then().statusCode(403);
    }

    private Fixture deviceWithAYearOfHistory() throws SQLException {
        Fixture f = new Fixture();
        f.customerId = ((Number) as(manager).contentType(ContentType.JSON).body(Map.of(
                "name", "Harbour Logistics", "tier", "A", "kind", "BUSINESS", "address", "Harbour Road 12",
                "contacts", List.of(Map.of("name", "Ms Zhao", "phone", "+86 21 5555 0101"))))
                .post("/api/customers").then().statusCode(201).extract().path("customerId")).longValue();
        f.deviceId = register(f.customerId);

        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        rollup(f.deviceId, hour, 10, 30, 20, 60);
        rollup(f.deviceId, hour.minus(Duration.ofHours(1)), 12, 18, 15, 30);
        LocalDate tenDaysAgo = LocalDate.now(SERVICE_ZONE).minusDays(10);
        rollup(f.deviceId, tenDaysAgo.atTime(10, 0).atZone(SERVICE_ZONE).toInstant(), 5, 15, 10, 60);
        rollup(f.deviceId, tenDaysAgo.atTime(11, 0).atZone(SERVICE_ZONE).toInstant(), 15, 25, 20, 30);
        rollup(f.deviceId, hour.minus(Duration.ofDays(200)), 1, 2, 1.5, 60);
        rollup(f.deviceId, hour.minus(Duration.ofDays(400)), 1, 2, 1.5, 60);

        Instant now = Instant.now();
        f.alertId = "hist-alert-" + UUID.randomUUID();
        alerts.record(new Alert(f.alertId, f.deviceId, DeviceType.EV_CHARGER, "DC-60", "over-temperature",
                Severity.MAJOR, Alert.State.RAISED, now.minusSeconds(600), now.minusSeconds(60),
                "Connector 1 above 70 °C", List.of(Evidence.reading(now.minusSeconds(60), METRIC, 71.5))));
        f.correctiveTicket = intake.accept(request(f.deviceId, "over-temperature", MaintenanceRequest.Kind.CORRECTIVE,
                null)).ticketNumber();
        f.preventiveTicket = intake.accept(request(f.deviceId, "contactor-wear", MaintenanceRequest.Kind.PREVENTIVE,
                now.plus(Duration.ofDays(14)))).ticketNumber();

        fileRecord(f.deviceId, "MAINTENANCE", "Yearly check", "Cleaned filters, tightened lugs", null,
                now.minus(Duration.ofDays(90)), null);
        // a replaced part is issued against its ticket on site, so this repair is today's, on the corrective case
        long contactor = TestRepairs.stockedPart(manager, "contactor", "Ningbo depot", 1);
        TestRepairs.onSite(manager, engineer, f.correctiveTicket);
        Map<String, Object> part = Map.of("partId", contactor, "location", "Ningbo depot", "serial", "CT-77",
                "quantity", 1, "reason", "worn contacts");
        fileRecord(f.deviceId, "REPAIR", "Contactor chatter", "Replaced contactor", part, Instant.now().minusMillis(1),
                f.correctiveTicket);
        return f;
    }

    private String register(Long customerId) {
        String id = "HIST-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", id);
        body.put("deviceType", "EV_CHARGER");
        body.put("model", "DC-60");
        body.put("serial", "SN-" + UUID.randomUUID());
        body.put("firmware", "1.4.2");
        body.put("siteAddress", INJECTION);
        body.put("producedOn", "2024-01-10");
        body.put("soldOn", LocalDate.now(SERVICE_ZONE).minusMonths(13).toString());
        body.put("components", List.of(
                Map.of("name", "charging module", "warrantyMonths", 36),
                Map.of("name", "charging cable", "warrantyMonths", 12)));
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        return as(manager).contentType(ContentType.JSON).body(body).post("/api/devices")
                .then().statusCode(201).extract().path("deviceId");
    }

    private void fileRecord(String deviceId, String kind, String symptom, String workDone, Map<String, Object> part,
            Instant performedAt, String ticketNumber) {
        Map<String, Object> body = new HashMap<>();
        if (ticketNumber != null) {
            body.put("ticketNumber", ticketNumber);
        }
        body.put("kind", kind);
        body.put("deviceId", deviceId);
        body.put("symptom", symptom);
        body.put("cause", "wear");
        body.put("workDone", workDone);
        body.put("testResult", "passed");
        body.put("minutesSpent", 45);
        body.put("performedAt", performedAt.toString());
        body.put("partsReplaced", part == null ? List.of() : List.of(part));
        as(engineer).contentType(ContentType.JSON).body(body).post("/api/repairs").then().statusCode(201);
    }

    private static MaintenanceRequest request(String deviceId, String ruleId, MaintenanceRequest.Kind kind,
            Instant predictedAt) {
        Instant now = Instant.now();
        return new MaintenanceRequest("hist-req-" + UUID.randomUUID(), deviceId, DeviceType.EV_CHARGER, "DC-60", ruleId,
                kind, Severity.MINOR, ruleId + " on " + deviceId, now.minusSeconds(120), predictedAt, null,
                List.of(Evidence.reading(now.minusSeconds(120), METRIC, 65.0)));
    }

    private void rollup(String deviceId, Instant bucket, double min, double max, double avg, long count)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO telemetry.reading_hourly (device_id, metric, bucket, min_value, max_value, sum_value, count)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            st.setString(1, deviceId);
            st.setString(2, METRIC);
            st.setTimestamp(3, Timestamp.from(bucket));
            st.setDouble(4, min);
            st.setDouble(5, max);
            st.setDouble(6, avg * count);
            st.setLong(7, count);
            st.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-5);
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }

    private static final class Fixture {
        long customerId;
        String deviceId;
        String alertId;
        String correctiveTicket;
        String preventiveTicket;
    }
}
