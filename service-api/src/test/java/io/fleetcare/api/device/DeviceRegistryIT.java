package io.fleetcare.api.device;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device registry over REST: registration, components, warranty per component, latest state, refusals. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeviceRegistryIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    DataSource dataSource;

    private String manager;
    private String engineer;

    @BeforeEach
    void accounts() {
        manager = TestAccounts.ensure(accountService, accounts, "dev-manager", Role.SERVICE_MANAGER);
        engineer = TestAccounts.ensure(accountService, accounts, "dev-engineer", Role.FIELD_ENGINEER);
    }

    @Test
    void managerRegistersAChargerWithComponentsAndCommissioningAndEveryRoleReadsIt() {
        // given
        Map<String, Object> body = charger(newId());

        // when
        Response response = as(manager).contentType(ContentType.JSON).body(body).post("/api/devices");

        // then
        response.then().statusCode(201).contentType(ContentType.JSON);
        assertThat(response.header("Location")).endsWith("/api/devices/" + body.get("deviceId"));
        JsonPath read = as(engineer).get("/api/devices/" + body.get("deviceId")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(read.getString("deviceType")).isEqualTo("EV_CHARGER");
        assertThat(read.getString("model")).isEqualTo("DC-60");
        assertThat(read.getString("serial")).isEqualTo(body.get("serial"));
        assertThat(read.getString("firmware")).isEqualTo("1.4.2");
        assertThat(read.getString("siteAddress")).isEqualTo("Depot 3, Harbour Road 12");
        assertThat(read.getString("producedOn")).isEqualTo("2024-01-10");
        assertThat(read.getString("soldOn")).isEqualTo("2024-06-01");
        assertThat(read.getString("warrantyStart")).isEqualTo("2024-06-01");
        assertThat(read.getString("commissioning.acceptedBy")).isEqualTo("Ms Zhao, site manager");
        assertThat(read.getString("registeredBy")).isEqualTo(manager);
        assertThat(read.getList("components.name")).containsExactly("charging module", "charging cable");
        assertThat(read.getList("components.warrantyUntil")).containsExactly("2027-05-31", "2025-05-31");
        assertThat(read.getString("latestState")).isNull();
    }

    @Test
    void warrantyStatusGivesEachComponentItsOwnCategoryOnTheDayAsked() {
        // given
        String id = register(charger(newId()));
        as(manager).contentType(ContentType.JSON)
                .body(Map.of("name", "display", "warrantyMonths", 12, "serviceContractUntil", "2026-12-31"))
                .post("/api/devices/" + id + "/components").then().statusCode(201);

        // when
        JsonPath warranty = as(engineer).queryParam("on", "2026-03-01").get("/api/devices/" + id + "/warranty")
                .then().statusCode(200).extract().jsonPath();

        // then
        assertThat(warranty.getString("on")).isEqualTo("2026-03-01");
        assertThat(warranty.getList("components.name")).containsExactly("charging module", "charging cable",
                "display");
        assertThat(warranty.getList("components.category")).containsExactly("FREE", "PAID", "CONTRACT");
        assertThat(warranty.getList("components.inWarranty")).containsExactly(true, false, false);
    }

    @Test
    void aWarrantyQueriedBeforeTheSaleDateIsNotStartedAndNotFree() {
        // given: sold on 2024-06-01
        String id = register(charger(newId()));

        // when
        JsonPath before = as(engineer).queryParam("on", "2024-05-31").get("/api/devices/" + id + "/warranty")
                .then().statusCode(200).extract().jsonPath();
        JsonPath saleDay = as(engineer).queryParam("on", "2024-06-01").get("/api/devices/" + id + "/warranty")
                .then().statusCode(200).extract().jsonPath();

        // then
        assertThat(before.getList("components.status")).containsOnly("NOT_STARTED");
        assertThat(before.getList("components.category")).containsOnlyNulls();
        assertThat(before.getList("components.inWarranty")).containsOnly(false);
        assertThat(saleDay.getList("components.status")).containsOnly("IN_WARRANTY");
        assertThat(saleDay.getList("components.category")).containsOnly("FREE");
    }

    @Test
    void theWarrantysLastDayIsInclusiveLikeTheContractsLastDay() {
        // given: the 12-month cable sold on 2024-06-01
        String id = register(charger(newId()));

        // when
        JsonPath lastDay = as(engineer).queryParam("on", "2025-05-31").get("/api/devices/" + id + "/warranty")
                .then().statusCode(200).extract().jsonPath();
        JsonPath dayAfter = as(engineer).queryParam("on", "2025-06-01").get("/api/devices/" + id + "/warranty")
                .then().statusCode(200).extract().jsonPath();

        // then
        assertThat(lastDay.getList("components.warrantyUntil")).containsExactly("2027-05-31", "2025-05-31");
        assertThat(lastDay.getList("components.category")).containsExactly("FREE", "FREE");
        assertThat(dayAfter.getList("components.category")).containsExactly("FREE", "PAID");
        assertThat(dayAfter.getList("components.status")).containsExactly("IN_WARRANTY", "EXPIRED");
    }

    @Test
    void withoutProofOfSaleTheWarrantyRunsFromProduction() {
        // given
        Map<String, Object> body = charger(newId());
        body.remove("soldOn");
        String id = register(body);

        // when
        JsonPath warranty = as(engineer).queryParam("on", "2025-02-01").get("/api/devices/" + id + "/warranty")
                .then().statusCode(200).extract().jsonPath();

        // then
        assertThat(warranty.getList("components.warrantyStart")).containsOnly("2024-01-10");
        assertThat(warranty.getList("components.category")).containsExactly("FREE", "PAID");
    }

    @Test
    void latestStateComesFromTheTelemetryStoreWhenItKnowsTheDevice() throws SQLException {
        // given
        String id = register(charger(newId()));
        Instant seen = Instant.parse("2026-11-24T09:59:00Z");
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS telemetry");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS telemetry.device_state (
                        device_id text PRIMARY KEY, device_type text NOT NULL, model text,
                        last_seen timestamptz NOT NULL, last_kind text NOT NULL, last_metrics jsonb,
                        metrics_at timestamptz, last_status jsonb, status_at timestamptz,
                        updated_at timestamptz NOT NULL DEFAULT now())""");
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO telemetry.device_state (device_id, device_type, model, last_seen, last_kind,
                        last_metrics, metrics_at, last_status, status_at)
                    VALUES (?, 'EV_CHARGER', 'DC-60', ?, 'STATUS', '{"connector.1.temperature_c":71.5}'::jsonb, ?,
                        '{"connector":1,"state":"Faulted","errorCode":"HighTemperature"}'::jsonb, ?)""")) {
                insert.setString(1, id);
                insert.setTimestamp(2, Timestamp.from(seen));
                insert.setTimestamp(3, Timestamp.from(seen.minusSeconds(30)));
                insert.setTimestamp(4, Timestamp.from(seen));
                insert.executeUpdate();
            }
        }

        // when
        JsonPath read = as(engineer).get("/api/devices/" + id).then().statusCode(200).extract().jsonPath();

        // then
        assertThat(Instant.parse(read.getString("latestState.lastSeen"))).isEqualTo(seen);
        assertThat(read.getString("latestState.lastKind")).isEqualTo("STATUS");
        assertThat(read.getDouble("latestState.metrics.'connector.1.temperature_c'")).isEqualTo(71.5);
        assertThat(read.getString("latestState.status.state")).isEqualTo("Faulted");
        assertThat(Instant.parse(read.getString("latestState.metricsAt"))).isEqualTo(seen.minusSeconds(30));
    }

    @Test
    void listFiltersByTypeAndModel() {
        // given
        String id = register(charger(newId()));
        Map<String, Object> stb = charger(newId());
        stb.put("deviceType", "SET_TOP_BOX");
        stb.put("model", "STB-LIST-" + UUID.randomUUID().toString().substring(0, 6));
        String stbId = register(stb);

        // when
        List<String> chargers = as(engineer).queryParam("deviceType", "EV_CHARGER").queryParam("limit", 1000)
                .get("/api/devices").then().statusCode(200).extract().jsonPath().getList("deviceId");
        List<String> ofModel = as(engineer).queryParam("model", stb.get("model"))
                .get("/api/devices").then().statusCode(200).extract().jsonPath().getList("deviceId");

        // then
        assertThat(chargers).contains(id).doesNotContain(stbId);
        assertThat(ofModel).containsExactly(stbId);
    }

    @Test
    void aSecondRegistrationOfTheIdOrOfTheSerialIsAConflictAndStoresNothing() throws SQLException {
        // given
        Map<String, Object> first = charger(newId());
        register(first);
        Map<String, Object> sameSerial = charger(newId());
        sameSerial.put("serial", first.get("serial"));
        long before = count("device");

        // when / then
        as(manager).contentType(ContentType.JSON).body(first).post("/api/devices")
                .then().statusCode(409).contentType(PROBLEM_JSON);
        as(manager).contentType(ContentType.JSON).body(sameSerial).post("/api/devices")
                .then().statusCode(409).contentType(PROBLEM_JSON);
        as(manager).contentType(ContentType.JSON).body(Map.of("name", "charging cable", "warrantyMonths", 6))
                .post("/api/devices/" + first.get("deviceId") + "/components")
                .then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(count("device")).isEqualTo(before);
    }

    @Test
    void badInputIsAnswered400ProblemAndUnknownDevices404() throws SQLException {
        // given
        Map<String, Object> badType = charger(newId());
        badType.put("deviceType", "TOASTER");
        Map<String, Object> platformType = charger(newId());
        platformType.put("deviceType", "PLATFORM_COMPONENT");
        Map<String, Object> soldBeforeProduced = charger(newId());
        soldBeforeProduced.put("soldOn", "2023-01-01");
        Map<String, Object> badWarranty = charger(newId());
        badWarranty.put("components", List.of(Map.of("name", "x", "warrantyMonths", -1)));
        Map<String, Object> injectedId = charger("'; DROP TABLE device; --");
        long before = count("device");

        // when / then
        for (Map<String, Object> body : List.of(badType, platformType, soldBeforeProduced, badWarranty, injectedId)) {
            as(manager).contentType(ContentType.JSON).body(body).post("/api/devices")
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        as(manager).contentType(ContentType.JSON).body("{\"deviceId\":").post("/api/devices")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(engineer).queryParam("on", "yesterday").get("/api/devices/" + register(charger(newId())) + "/warranty")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(engineer).get("/api/devices/no-such-device").then().statusCode(404).contentType(PROBLEM_JSON);
        as(engineer).get("/api/devices/no-such-device/warranty").then().statusCode(404).contentType(PROBLEM_JSON);
        as(manager).contentType(ContentType.JSON).body(Map.of("name", "x", "warrantyMonths", 6))
                .post("/api/devices/no-such-device/components").then().statusCode(404).contentType(PROBLEM_JSON);
        assertThat(count("device")).isEqualTo(before + 1);
    }

    @Test
    void nocOperatorAndEngineerMayNotRegisterDevices() {
        // given
        String noc = TestAccounts.ensure(accountService, accounts, "dev-noc", Role.NOC_OPERATOR);

        // when / then
        for (String user : List.of(noc, engineer)) {
            as(user).contentType(ContentType.JSON).body(charger(newId())).post("/api/devices")
                    .then().statusCode(403).contentType(PROBLEM_JSON);
        }
    }

    private String register(Map<String, Object> body) {
        return as(manager).contentType(ContentType.JSON).body(body).post("/api/devices")
                .then().statusCode(201).extract().path("deviceId");
    }

    private static Map<String, Object> charger(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", id);
        body.put("deviceType", "EV_CHARGER");
        body.put("model", "DC-60");
        body.put("serial", "SN-" + UUID.randomUUID());
        body.put("firmware", "1.4.2");
        body.put("siteAddress", "Depot 3, Harbour Road 12");
        body.put("producedOn", "2024-01-10");
        body.put("soldOn", "2024-06-01");
        body.put("installedOn", "2024-06-20");
        body.put("commissioning", Map.of("on", "2024-06-21", "report", "Installed, 60 kW output tested, shown",
                "acceptedBy", "Ms Zhao, site manager"));
        body.put("components", List.of(
                Map.of("name", "charging module", "serial", "CM-1", "warrantyMonths", 36),
                Map.of("name", "charging cable", "warrantyMonths", 12)));
        return body;
    }

    private static String newId() {
        return "CP-IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
