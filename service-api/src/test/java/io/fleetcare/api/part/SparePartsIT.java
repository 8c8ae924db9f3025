package io.fleetcare.api.part;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestDevices;
import io.fleetcare.api.TestRepairs;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spare parts: catalog, stock per location and condition, movements for tickets, returned-part analysis. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SparePartsIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String DEPOT = "Ningbo depot";

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    DataSource dataSource;

    private String manager;
    private String engineer;
    private long part;
    private String ticket;

    @BeforeEach
    void partTicketAndAccounts() {
        manager = TestAccounts.ensure(accountService, accounts, "parts-manager", Role.SERVICE_MANAGER);
        engineer = TestAccounts.ensure(accountService, accounts, "parts-engineer", Role.FIELD_ENGINEER);
        part = as(manager).contentType(ContentType.JSON)
                .body(Map.of("name", "charging module", "spec", "CM-60 " + UUID.randomUUID(), "abcClass", "A"))
                .post("/api/parts").then().statusCode(201).extract().jsonPath().getLong("partId");
        ticket = as(manager).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "deviceId", TestDevices.register(manager,
                                "CP-PARTS-" + UUID.randomUUID().toString().substring(0, 8), "EV_CHARGER", "DC-60"),
                        "problem", "does not charge", "severity", "MAJOR"))
                .post("/api/tickets").then().statusCode(201).extract().path("number");
        TestRepairs.onSite(manager, engineer, ticket);
    }

    @Test
    void issuingAPartForATicketTakesItFromGoodStockAndRecordsTicketAndPerson() {
        // given
        move("RECEIPT", 10, null).then().statusCode(200);

        // when
        Response issued = move("ISSUE", 3, ticket);

        // then
        issued.then().statusCode(200);
        JsonPath read = as(engineer).get("/api/parts/" + part).then().statusCode(200).extract().jsonPath();
        assertThat(good(read)).isEqualTo(7);
        assertThat(read.getString("abcClass")).isEqualTo("A");
        assertThat(read.getString("movements[0].kind")).isEqualTo("ISSUE");
        assertThat(read.getInt("movements[0].quantity")).isEqualTo(3);
        assertThat(read.getString("movements[0].ticketNumber")).isEqualTo(ticket);
        assertThat(read.getString("movements[0].person")).isEqualTo(engineer);
        assertThat(read.getString("movements[0].bookedBy")).isEqualTo(manager);
        assertThat(read.getString("movements[0].location")).isEqualTo(DEPOT);
        assertThat(read.getString("movements[1].kind")).isEqualTo("RECEIPT");
    }

    @Test
    void anIssueBeyondTheStockIsRefused409AndChangesNothing() throws SQLException {
        // given
        move("RECEIPT", 2, null).then().statusCode(200);
        long movements = count("part_movement");

        // when
        Response refused = move("ISSUE", 3, ticket);

        // then
        refused.then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:insufficient-stock");
        assertThat(good(as(manager).get("/api/parts/" + part).then().extract().jsonPath())).isEqualTo(2);
        assertThat(count("part_movement")).isEqualTo(movements);
        Map<String, Object> elsewhere = movement("ISSUE", 1, ticket);
        elsewhere.put("location", "Hangzhou depot");
        as(manager).contentType(ContentType.JSON).body(elsewhere).post("/api/parts/" + part + "/movements")
                .then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void returnedPartsAreAnalysedIntoGoodOrDefectiveStockAndDefectiveOnesGoBackToTheMaker() {
        // given
        move("RECEIPT", 3, null).then().statusCode(200);
        move("ISSUE", 3, ticket).then().statusCode(200);
        move("RETURN", 3, ticket).then().statusCode(200);

        // when
        move("REFURBISHED", 1, null).then().statusCode(200);
        move("FOUND_DEFECTIVE", 2, null).then().statusCode(200);
        move("RETURN_TO_MAKER", 2, null).then().statusCode(200);

        // then
        JsonPath read = as(manager).get("/api/parts/" + part).then().statusCode(200).extract().jsonPath();
        assertThat(quantity(read, "GOOD")).isEqualTo(1);
        assertThat(quantity(read, "RETURNED")).isEqualTo(0);
        assertThat(quantity(read, "DEFECTIVE")).isEqualTo(0);
        assertThat(read.getList("movements.kind")).containsExactly("RETURN_TO_MAKER", "FOUND_DEFECTIVE",
                "REFURBISHED", "RETURN", "ISSUE", "RECEIPT");
        move("REFURBISHED", 1, null).then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void badMovementsAreAnswered400Or404AndChangeNothing() throws SQLException {
        // given
        move("RECEIPT", 5, null).then().statusCode(200);
        Map<String, Object> unknownPerson = movement("RECEIPT", 1, null);
        unknownPerson.put("person", "'; DROP TABLE part_stock; --");
        long movements = count("part_movement");

        // when / then
        for (Map<String, Object> body : List.of(movement("ISSUE", 1, null), movement("RETURN", 1, null),
                movement("ISSUE", 1, "TK-1999-999999"), movement("TAKE", 1, ticket), movement("ISSUE", 0, ticket),
                movement("ISSUE", -1, ticket), unknownPerson)) {
            as(manager).contentType(ContentType.JSON).body(body).post("/api/parts/" + part + "/movements")
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        for (String unknown : List.of("999999999", "abc")) {
            as(manager).contentType(ContentType.JSON).body(movement("RECEIPT", 1, null))
                    .post("/api/parts/" + unknown + "/movements").then().statusCode(404).contentType(PROBLEM_JSON);
        }
        assertThat(count("part_movement")).isEqualTo(movements);
        assertThat(good(as(manager).get("/api/parts/" + part).then().extract().jsonPath())).isEqualTo(5);
    }

    @Test
    void theCatalogRefusesADuplicateAndAnUnknownClass() {
        // given
        String spec = "CABLE-5M " + UUID.randomUUID();
        as(manager).contentType(ContentType.JSON).body(Map.of("name", "cable", "spec", spec, "abcClass", "c"))
                .post("/api/parts").then().statusCode(201);

        // when / then
        as(manager).contentType(ContentType.JSON).body(Map.of("name", "cable", "spec", spec, "abcClass", "C"))
                .post("/api/parts").then().statusCode(409).contentType(PROBLEM_JSON);
        as(manager).contentType(ContentType.JSON).body(Map.of("name", "cable", "spec", spec + "x", "abcClass", "D"))
                .post("/api/parts").then().statusCode(400).contentType(PROBLEM_JSON);
        List<String> classC = as(engineer).queryParam("abcClass", "C").queryParam("limit", 1000).get("/api/parts")
                .then().statusCode(200).extract().jsonPath().getList("spec");
        assertThat(classC).contains(spec);
    }

    @Test
    void theDatabaseRefusesToChangeMovementsAndToTakeStockBelowZero() {
        // given
        move("RECEIPT", 1, null).then().statusCode(200);

        // when / then
        assertThatThrownBy(() -> execute("UPDATE part_movement SET quantity = 99 WHERE part_id = " + part))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("DELETE FROM part_movement WHERE part_id = " + part))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("UPDATE part_stock SET quantity = quantity - 2 WHERE part_id = " + part))
                .isInstanceOf(SQLException.class).hasMessageContaining("part_stock_not_negative_ck");
    }

    @Test
    void engineersMayReadButNotBookMovements() {
        // when / then
        as(engineer).contentType(ContentType.JSON).body(movement("RECEIPT", 1, null))
                .post("/api/parts/" + part + "/movements").then().statusCode(403).contentType(PROBLEM_JSON);
        as(engineer).get("/api/parts/" + part).then().statusCode(200);
    }

    private Response move(String kind, int quantity, String ticketNumber) {
        return as(manager).contentType(ContentType.JSON).body(movement(kind, quantity, ticketNumber))
                .post("/api/parts/" + part + "/movements");
    }

    private Map<String, Object> movement(String kind, int quantity, String ticketNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("location", DEPOT);
        body.put("quantity", quantity);
        if (ticketNumber != null) {
            body.put("ticketNumber", ticketNumber);
        } else {
            body.put("reason", "delivery note or analysis");
        }
        return body;
    }

    private static int good(JsonPath part) {
        return quantity(part, "GOOD");
    }

    private static int quantity(JsonPath part, String condition) {
        Integer q = part.get("stock.find { it.location == '" + DEPOT + "' && it.condition == '" + condition
                + "' }.quantity");
        return q == null ? 0 : q;
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
