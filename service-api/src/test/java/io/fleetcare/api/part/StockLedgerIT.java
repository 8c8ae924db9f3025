package io.fleetcare.api.part;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stock as a ledger that balances (issue 20, seed 004 §3.6-3.7): returns bounded by what the case was issued,
 * analysis bounded by what was returned, the movement's person is the signed-in caller or the case's engineer,
 * strict whole quantities, and a stocktake that books counted differences and leaves the ledger balanced.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StockLedgerIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String DEPOT = "Wenzhou depot";

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    DataSource dataSource;

    private String manager;
    private String engineer;
    private long part;

    @BeforeEach
    void partAndAccounts() {
        manager = TestAccounts.ensure(accountService, accounts, "ledger-manager", Role.SERVICE_MANAGER);
        engineer = TestAccounts.ensure(accountService, accounts, "ledger-engineer", Role.FIELD_ENGINEER);
        part = as(manager).contentType(ContentType.JSON)
                .body(Map.of("name", "power board", "spec", "PB-7 " + UUID.randomUUID(), "abcClass", "B"))
                .post("/api/parts").then().statusCode(201).extract().jsonPath().getLong("partId");
    }

    @Test
    void theStockWalkReturnsAtMostWhatTheCaseWasIssuedAndRefurbishesAtMostWhatCameBack() throws SQLException {
        // given
        String issuedCase = assignedTicket();
        String caseWithoutParts = assignedTicket();
        move(body("RECEIPT", 3, null, "delivery note DN-17")).then().statusCode(200);
        move(body("ISSUE", 1, issuedCase, null)).then().statusCode(200);
        long movements = count("part_movement WHERE part_id = " + part);

        // when
        Response tooMany = move(body("RETURN", 5, issuedCase, null));
        Response nothingIssued = move(body("RETURN", 1, caseWithoutParts, null));
        Response returned = move(body("RETURN", 1, issuedCase, null));
        Response againReturned = move(body("RETURN", 1, issuedCase, null));
        Response refurbishTwo = move(body("REFURBISHED", 2, null, "no fault found"));
        Response refurbishOne = move(body("REFURBISHED", 1, issuedCase, "no fault found"));

        // then
        tooMany.then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(tooMany.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:return-exceeds-issue");
        assertThat(tooMany.jsonPath().getString("detail")).contains(issuedCase).contains("1");
        nothingIssued.then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(nothingIssued.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:return-exceeds-issue");
        returned.then().statusCode(200);
        againReturned.then().statusCode(409).contentType(PROBLEM_JSON);
        refurbishTwo.then().statusCode(409).contentType(PROBLEM_JSON);
        refurbishOne.then().statusCode(200);
        assertThat(count("part_movement WHERE part_id = " + part)).isEqualTo(movements + 2);
        JsonPath read = read();
        assertThat(quantity(read, "GOOD")).isEqualTo(3);
        assertThat(quantity(read, "RETURNED")).isZero();
        assertThat(read.getBoolean("ledgerBalanced")).isTrue();
        assertThat(read.getString("movements.find { it.kind == 'RETURN' }.person")).isEqualTo(engineer);
        assertThat(read.getString("movements.find { it.kind == 'REFURBISHED' }.ticketNumber")).isEqualTo(issuedCase);
    }

    @Test
    void aMovementNamesItsCaseOrAReasonAndItsPersonIsNotAClaimedName() throws SQLException {
        // given
        String unassigned = ticket();
        Map<String, Object> claimedPerson = body("RECEIPT", 1, null, "delivery note DN-18");
        claimedPerson.put("person", engineer);
        long movements = count("part_movement WHERE part_id = " + part);

        // when / then
        for (Map<String, Object> refused : List.of(body("RECEIPT", 1, null, null), body("REFURBISHED", 1, null, null),
                body("SCRAPPED", 1, null, null), claimedPerson, body("ISSUE", 1, unassigned, null))) {
            move(refused).then().statusCode(400).contentType(PROBLEM_JSON);
        }
        assertThat(count("part_movement WHERE part_id = " + part)).isEqualTo(movements);
        move(body("RECEIPT", 2, null, "delivery note DN-18")).then().statusCode(200);
        JsonPath read = read();
        assertThat(read.getString("movements[0].person")).isEqualTo(manager);
        assertThat(read.getString("movements[0].reason")).isEqualTo("delivery note DN-18");
    }

    @Test
    void aFractionalQuantityIsRefusedNotTruncated() throws SQLException {
        // given
        long movements = count("part_movement WHERE part_id = " + part);

        // when
        Response refused = as(manager).contentType(ContentType.JSON)
                .body("{\"kind\":\"RECEIPT\",\"location\":\"" + DEPOT + "\",\"quantity\":1.5,\"reason\":\"DN-19\"}")
                .post("/api/parts/" + part + "/movements");

        // then
        refused.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("detail")).contains("quantity");
        assertThat(count("part_movement WHERE part_id = " + part)).isEqualTo(movements);
    }

    @Test
    void aStocktakeWithACountedDifferenceRecordsItAndLeavesTheLedgerBalanced() throws SQLException {
        // given
        String issuedCase = assignedTicket();
        move(body("RECEIPT", 5, null, "delivery note DN-20")).then().statusCode(200);
        move(body("ISSUE", 2, issuedCase, null)).then().statusCode(200);
        move(body("RETURN", 2, issuedCase, null)).then().statusCode(200);
        Map<String, Object> count = Map.of("location", DEPOT, "reason", "monthly count December",
                "lines", List.of(Map.of("partId", part, "condition", "GOOD", "counted", 2),
                        Map.of("partId", part, "condition", "RETURNED", "counted", 3),
                        Map.of("partId", part, "condition", "DEFECTIVE", "counted", 0)));

        // when
        Response stocktake = as(manager).contentType(ContentType.JSON).body(count).post("/api/parts/stocktakes");

        // then
        stocktake.then().statusCode(201).contentType(ContentType.JSON);
        JsonPath result = stocktake.jsonPath();
        assertThat(result.getString("countedBy")).isEqualTo(manager);
        assertThat(result.getBoolean("balanced")).isTrue();
        assertThat(result.getInt("lines.find { it.condition == 'GOOD' }.booked")).isEqualTo(3);
        assertThat(result.getInt("lines.find { it.condition == 'GOOD' }.difference")).isEqualTo(-1);
        assertThat(result.getInt("lines.find { it.condition == 'RETURNED' }.difference")).isEqualTo(1);
        assertThat(result.getInt("lines.find { it.condition == 'DEFECTIVE' }.difference")).isZero();
        JsonPath read = read();
        assertThat(quantity(read, "GOOD")).isEqualTo(2);
        assertThat(quantity(read, "RETURNED")).isEqualTo(3);
        assertThat(read.getBoolean("ledgerBalanced")).isTrue();
        assertThat(read.getList("movements.kind")).contains("STOCKTAKE_SHORTAGE", "STOCKTAKE_SURPLUS");
        assertThat(read.getString("movements.find { it.kind == 'STOCKTAKE_SHORTAGE' }.person")).isEqualTo(manager);
        assertThat(read.getString("movements.find { it.kind == 'STOCKTAKE_SHORTAGE' }.reason"))
                .isEqualTo("monthly count December");
        assertThat(read.getString("movements.find { it.kind == 'STOCKTAKE_SURPLUS' }.condition")).isEqualTo("RETURNED");
        assertThat(count("stocktake_line WHERE stocktake_id = " + result.getLong("stocktakeId"))).isEqualTo(3);
    }

    @Test
    void aStocktakeIsBookedByServiceManagersAndRefusesBadCountsWhole() throws SQLException {
        // given
        move(body("RECEIPT", 4, null, "delivery note DN-21")).then().statusCode(200);
        Map<String, Object> good = Map.of("location", DEPOT, "reason", "spot check",
                "lines", List.of(Map.of("partId", part, "condition", "GOOD", "counted", 1)));
        long movements = count("part_movement WHERE part_id = " + part);

        // when / then
        as(engineer).contentType(ContentType.JSON).body(good).post("/api/parts/stocktakes")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        for (Map<String, Object> bad : List.of(
                Map.of("location", DEPOT, "reason", "r", "lines", List.of(
                        Map.of("partId", part, "condition", "GOOD", "counted", 1),
                        Map.of("partId", 999_999_999L, "condition", "GOOD", "counted", 1))),
                Map.of("location", DEPOT, "reason", "r", "lines", List.of(
                        Map.of("partId", part, "condition", "GOOD", "counted", -1))),
                Map.of("location", DEPOT, "reason", "r", "lines", List.of(
                        Map.of("partId", part, "condition", "SHINY", "counted", 1))),
                Map.of("location", DEPOT, "reason", "r", "lines", List.of(
                        Map.of("partId", part, "condition", "GOOD", "counted", 1),
                        Map.of("partId", part, "condition", "GOOD", "counted", 2))),
                Map.of("location", DEPOT, "lines", List.of(
                        Map.of("partId", part, "condition", "GOOD", "counted", 1))))) {
            as(manager).contentType(ContentType.JSON).body(bad).post("/api/parts/stocktakes")
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        assertThat(count("part_movement WHERE part_id = " + part)).isEqualTo(movements);
        assertThat(quantity(read(), "GOOD")).isEqualTo(4);
    }

    private Response move(Map<String, Object> body) {
        return as(manager).contentType(ContentType.JSON).body(body).post("/api/parts/" + part + "/movements");
    }

    private static Map<String, Object> body(String kind, int quantity, String ticketNumber, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("location", DEPOT);
        body.put("quantity", quantity);
        if (ticketNumber != null) {
            body.put("ticketNumber", ticketNumber);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private JsonPath read() {
        return as(manager).get("/api/parts/" + part).then().statusCode(200).extract().jsonPath();
    }

    private String ticket() {
        Map<String, Object> device = new HashMap<>();
        device.put("deviceId", "CP-LEDGER-" + UUID.randomUUID().toString().substring(0, 8));
        device.put("deviceType", "EV_CHARGER");
        device.put("model", "DC-60");
        device.put("serial", "SN-" + UUID.randomUUID());
        device.put("siteAddress", "Depot 7");
        device.put("producedOn", "2024-01-10");
        device.put("soldOn", "2024-06-01");
        device.put("components", List.of(Map.of("name", "power board", "warrantyMonths", 24)));
        String deviceId = as(manager).contentType(ContentType.JSON).body(device).post("/api/devices")
                .then().statusCode(201).extract().path("deviceId");
        return as(manager).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "deviceId", deviceId, "model", "DC-60",
                        "deviceType", "EV_CHARGER", "problem", "does not charge", "severity", "MAJOR"))
                .post("/api/tickets").then().statusCode(201).extract().path("number");
    }

    private String assignedTicket() {
        String number = ticket();
        Instant from = Instant.now().plus(1, ChronoUnit.HOURS);
        as(manager).contentType(ContentType.JSON)
                .body(Map.of("engineer", engineer, "from", from.toString(), "to", from.plus(2, ChronoUnit.HOURS).toString()))
                .put("/api/tickets/{n}/assignment", number).then().statusCode(200);
        return number;
    }

    private static int quantity(JsonPath part, String condition) {
        Integer q = part.get("stock.find { it.location == '" + DEPOT + "' && it.condition == '" + condition
                + "' }.quantity");
        return q == null ? 0 : q;
    }

    private long count(String tableAndCondition) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + tableAndCondition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
