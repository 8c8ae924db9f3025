package io.fleetcare.api.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestGrants;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer archive: entries, contacts, class-1 fields by grant, retention, and tier-based ticket priority. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CustomerArchiveIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    DataSource dataSource;

    private String manager;
    private String engineer;
    private String noc;

    @BeforeEach
    void accounts() {
        manager = TestAccounts.ensure(accountService, accounts, "cust-manager", Role.SERVICE_MANAGER);
        engineer = TestAccounts.ensure(accountService, accounts, "cust-engineer", Role.FIELD_ENGINEER);
        noc = TestAccounts.ensure(accountService, accounts, "cust-noc", Role.NOC_OPERATOR);
    }

    @Test
    void managerEntersACustomerWithContactsKeptThreeYearsAndUnderAGrantSeesTheDevicesOwned() {
        // given
        Map<String, Object> body = customer("A");

        // when
        Response response = as(manager).contentType(ContentType.JSON).body(body).post("/api/customers");

        // then
        response.then().statusCode(201).contentType(ContentType.JSON);
        long id = response.jsonPath().getLong("customerId");
        assertThat(response.header("Location")).endsWith("/api/customers/" + id);
        String device = registerDevice(id);
        long grant = TestGrants.approved(manager, id);
        JsonPath read = as(manager).get("/api/customers/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("name")).isEqualTo(body.get("name"));
        assertThat(read.getString("tier")).isEqualTo("A");
        assertThat(read.getString("address")).isEqualTo("Harbour Road 12, Ningbo");
        assertThat(read.getList("contacts.name")).containsExactly("Ms Zhao");
        assertThat(read.getString("contacts[0].phone")).isEqualTo("+86 574 1234 5678");
        assertThat(read.getList("devices")).containsExactly(device);
        assertThat(read.getBoolean("classOneWithheld")).isFalse();
        assertThat(read.getLong("grantId")).isEqualTo(grant);
        LocalDate registered = LocalDate.ofInstant(Instant.parse(read.getString("registeredAt")), ZoneOffset.UTC);
        assertThat(LocalDate.parse(read.getString("retainUntil"))).isEqualTo(registered.plusYears(3));
        assertThat(read.getString("registeredBy")).isEqualTo(manager);
    }

    @Test
    void withoutAGrantEngineerNocAndManagerReadTheEntryWithClassOneFieldsMasked() {
        // given
        long id = register(customer("B"));
        registerDevice(id);

        for (String user : List.of(engineer, noc, manager)) {
            // when
            Response response = as(user).get("/api/customers/" + id);

            // then
            response.then().statusCode(200);
            JsonPath read = response.jsonPath();
            assertThat(read.getString("tier")).isEqualTo("B");
            assertThat(read.getBoolean("classOneWithheld")).isTrue();
            assertThat(read.getMap("$")).doesNotContainKeys("devices", "grantId");
            assertThat(read.getString("address")).isEqualTo("***");
            assertThat(read.getString("contacts[0].name")).isEqualTo("M***");
            assertThat(read.getString("contacts[0].position")).isEqualTo("***");
            assertThat(read.getString("contacts[0].phone")).isEqualTo("+** *** **** 5678");
            assertThat(response.asString()).doesNotContain("Zhao", "Harbour", "+86", "1234", "site manager");
        }
    }

    @Test
    void aContactAddedLaterJoinsTheEntry() {
        // given
        long id = register(customer("C"));

        // when
        as(manager).contentType(ContentType.JSON)
                .body(Map.of("name", "Mr Qian", "position", "facility", "email", "qian@example.com"))
                .post("/api/customers/" + id + "/contacts").then().statusCode(201);

        // then
        TestGrants.approved(manager, id);
        JsonPath read = as(manager).get("/api/customers/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(read.getList("contacts.name")).containsExactly("Ms Zhao", "Mr Qian");
        assertThat(read.getString("contacts[1].email")).isEqualTo("qian@example.com");
        assertThat(read.getString("contacts[1].addedBy")).isEqualTo(manager);
    }

    @Test
    void theDatabaseRefusesToChangeAnEntryOrToDeleteItBeforeItsRetentionEnds() throws SQLException {
        // given
        long id = register(customer("B"));

        // when / then
        assertThatThrownBy(() -> execute("UPDATE customer SET tier = 'A' WHERE id = " + id))
                .isInstanceOf(SQLException.class).hasMessageContaining("UPDATE refused");
        assertThatThrownBy(() -> execute("DELETE FROM customer_contact WHERE customer_id = " + id))
                .isInstanceOf(SQLException.class).hasMessageContaining("DELETE refused");
        assertThatThrownBy(() -> execute("DELETE FROM customer WHERE id = " + id))
                .isInstanceOf(SQLException.class).hasMessageContaining("DELETE refused");
        assertThat(as(manager).get("/api/customers/" + id).then().statusCode(200).extract().jsonPath()
                .getString("tier")).isEqualTo("B");
    }

    @Test
    void anEntryWhoseRetentionHasEndedIsStillNotDeletedByHand() throws SQLException {
        // given
        long id;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        INSERT INTO customer (name, tier, registered_by, registered_at, retain_until)
                        VALUES ('old customer', 'C', 'test', now() - interval '4 years',
                                current_date - 2) RETURNING id""")) {
            rs.next();
            id = rs.getLong(1);
        }

        // when / then: only the purge job deletes it (ArchiveSecurityIT)
        assertThatThrownBy(() -> execute("DELETE FROM customer WHERE id = " + id))
                .isInstanceOf(SQLException.class).hasMessageContaining("only by the purge job");
    }

    @Test
    void priorityOfATicketFollowsSeverityAndTheTierOfTheDevicesOwner() {
        // given
        String ofA = registerDevice(register(customer("A")));
        String ofC = registerDevice(register(customer("C")));
        String ofNobody = registerDevice(null);

        // when
        String priorityA = registerTicket(ofA, "MAJOR");
        String priorityC = registerTicket(ofC, "MAJOR");
        String priorityCritical = registerTicket(ofC, "CRITICAL");
        String priorityNobody = registerTicket(ofNobody, "MAJOR");

        // then
        assertThat(priorityA).isEqualTo("P1");
        assertThat(priorityC).isEqualTo("P3");
        assertThat(priorityCritical).isEqualTo("P1");
        assertThat(priorityNobody).isEqualTo("P2");
    }

    @Test
    void badInputIsAnswered400And404ProblemsAndStoresNothing() throws SQLException {
        // given
        Map<String, Object> badTier = customer("D");
        Map<String, Object> unreachable = customer("A");
        unreachable.put("contacts", List.of(Map.of("name", "nobody")));
        Map<String, Object> badEmail = customer("A");
        badEmail.put("contacts", List.of(Map.of("name", "x", "email", "'; DROP TABLE customer; --")));
        Map<String, Object> noName = customer("A");
        noName.remove("name");
        long before = count("customer");

        // when / then
        for (Map<String, Object> body : List.of(badTier, unreachable, badEmail, noName)) {
            as(manager).contentType(ContentType.JSON).body(body).post("/api/customers")
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        for (String unknown : List.of("999999999", "abc", "-1", "1%20OR%201=1")) {
            as(manager).get("/api/customers/" + unknown).then().statusCode(404).contentType(PROBLEM_JSON);
        }
        as(manager).contentType(ContentType.JSON).body(Map.of("name", "x", "phone", "123456"))
                .post("/api/customers/999999999/contacts").then().statusCode(404).contentType(PROBLEM_JSON);
        Map<String, Object> device = device(999_999_999L);
        as(manager).contentType(ContentType.JSON).body(device).post("/api/devices")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(manager).queryParam("tier", "Z").get("/api/customers").then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(count("customer")).isEqualTo(before);
    }

    private String registerTicket(String deviceId, String severity) {
        return as(manager).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "deviceId", deviceId, "deviceType", "EV_CHARGER",
                        "problem", "does not charge", "severity", severity))
                .post("/api/tickets").then().statusCode(201).extract().path("priority");
    }

    private long register(Map<String, Object> body) {
        return as(manager).contentType(ContentType.JSON).body(body).post("/api/customers")
                .then().statusCode(201).extract().jsonPath().getLong("customerId");
    }

    private String registerDevice(Long customerId) {
        return as(manager).contentType(ContentType.JSON).body(device(customerId)).post("/api/devices")
                .then().statusCode(201).extract().path("deviceId");
    }

    private static Map<String, Object> device(Long customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", "CP-CU-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("deviceType", "EV_CHARGER");
        body.put("model", "DC-60");
        body.put("serial", "SN-" + UUID.randomUUID());
        body.put("siteAddress", "Harbour Road 12, Ningbo");
        body.put("producedOn", "2025-01-10");
        if (customerId != null) {
            body.put("customerId", customerId);
        }
        return body;
    }

    private static Map<String, Object> customer(String tier) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Ningbo Port Logistics " + UUID.randomUUID().toString().substring(0, 6));
        body.put("tier", tier);
        body.put("kind", "BUSINESS");
        body.put("address", "Harbour Road 12, Ningbo");
        body.put("contacts", List.of(Map.of("name", "Ms Zhao", "position", "site manager",
                "phone", "+86 574 1234 5678")));
        return body;
    }

    private int execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
