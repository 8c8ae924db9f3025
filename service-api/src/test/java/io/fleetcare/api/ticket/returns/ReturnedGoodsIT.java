package io.fleetcare.api.ticket.returns;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestDevices;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.ticket.sla.SlaPolicy;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The returned-goods clock (seed 003 "六 9": 5 working days from receipt), through the API on a real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReturnedGoodsIT {

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    SlaPolicy policy;

    @Inject
    DataSource dataSource;

    private String manager;
    private String engineer;
    private String noc;

    @BeforeEach
    void accounts() {
        manager = TestAccounts.ensure(accountService, accounts, "goods-manager", Role.SERVICE_MANAGER);
        engineer = TestAccounts.ensure(accountService, accounts, "goods-engineer", Role.FIELD_ENGINEER);
        noc = TestAccounts.ensure(accountService, accounts, "goods-noc", Role.NOC_OPERATOR);
    }

    @Test
    void receivingReturnedGoodsStartsAFiveWorkingDayClockShownOnTheTicketAndDealingWithThemStopsIt() {
        // given
        String number = aCase();

        // when
        Response received = as(manager).post("/api/tickets/{number}/returned-goods", number);

        // then
        received.then().statusCode(201);
        Instant receivedAt = Instant.parse(received.jsonPath().getString("receivedAt"));
        Instant dueBy = Instant.parse(received.jsonPath().getString("dueBy"));
        assertThat(dueBy).isEqualTo(policy.returnedGoodsDue(receivedAt));
        assertThat(received.jsonPath().getString("receivedBy")).isEqualTo(manager);
        assertThat(received.jsonPath().getBoolean("breached")).isFalse();
        JsonPath ticket = ticket(number);
        assertThat(Instant.parse(ticket.getString("sla.returnedGoodsBy"))).isEqualTo(dueBy);
        assertThat(ticket.getBoolean("sla.returnedGoodsBreached")).isFalse();

        // when
        Response processed = as(engineer).contentType(ContentType.JSON)
                .body(Map.of("outcome", "Power board replaced, unit sent back"))
                .post("/api/tickets/{number}/returned-goods/processed", number);

        // then
        processed.then().statusCode(200);
        assertThat(processed.jsonPath().getString("processedBy")).isEqualTo(engineer);
        assertThat(processed.jsonPath().getString("outcome")).isEqualTo("Power board replaced, unit sent back");
        assertThat(processed.jsonPath().getBoolean("breached")).isFalse();
        assertThat(as(noc).get("/api/tickets/{number}/returned-goods", number).then().statusCode(200)
                .extract().jsonPath().getString("processedAt")).isNotNull();
    }

    @Test
    void aTicketWithoutReturnedGoodsHasNoSuchClock() {
        // given
        String number = aCase();

        // when
        JsonPath ticket = ticket(number);

        // then
        assertThat(ticket.getMap("sla")).doesNotContainKey("returnedGoodsBy").doesNotContainKey("returnedGoodsBreached");
        as(noc).get("/api/tickets/{number}/returned-goods", number).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void goodsNotDealtWithFiveWorkingDaysAfterReceiptAreBreached() throws SQLException {
        // given: goods of a case received 30 days ago, stored as the service stores them
        String model = "GOODS-" + UUID.randomUUID().toString().substring(0, 8);
        String number = aCase(model);
        Instant longAgo = Instant.now().minus(30, ChronoUnit.DAYS);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO ticket_returned_goods (ticket_id, received_at, received_by, due_by)
                SELECT id, ?, 'goods-manager', ? FROM ticket WHERE number = ?""")) {
            st.setTimestamp(1, Timestamp.from(longAgo));
            st.setTimestamp(2, Timestamp.from(policy.returnedGoodsDue(longAgo)));
            st.setString(3, number);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }

        // when
        JsonPath ticket = ticket(number);
        JsonPath listed = as(manager).queryParam("deviceId", ticket.getString("deviceId")).get("/api/tickets")
                .then().statusCode(200).extract().jsonPath();

        // then
        assertThat(ticket.getBoolean("sla.returnedGoodsBreached")).isTrue();
        assertThat(listed.getList("sla.returnedGoodsBreached")).containsExactly(true);
        assertThat(as(manager).get("/api/tickets/{number}/returned-goods", number).then().statusCode(200)
                .extract().jsonPath().getBoolean("breached")).isTrue();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        List<Map<String, Object>> groups = as(manager).queryParam("from", today).queryParam("to", today)
                .queryParam("groupBy", "model").get("/api/kpis").then().statusCode(200).extract().jsonPath()
                .getList("groups");
        assertThat(groups).filteredOn(g -> model.equals(g.get("key"))).singleElement()
                .satisfies(g -> assertThat(g).containsEntry("ticketsOpened", 1).containsEntry("slaBreaches", 1));
    }

    @Test
    void receivingTwiceProcessingWithoutGoodsAndReceivingAsTheNocAreRefused() {
        // given
        String number = aCase();
        String other = aCase();

        // when
        Response processedWithout = as(manager).contentType(ContentType.JSON).body(Map.of("outcome", "done"))
                .post("/api/tickets/{number}/returned-goods/processed", other);
        Response byNoc = as(noc).post("/api/tickets/{number}/returned-goods", number);
        as(manager).post("/api/tickets/{number}/returned-goods", number).then().statusCode(201);
        Response twice = as(manager).post("/api/tickets/{number}/returned-goods", number);
        Response noOutcome = as(manager).contentType(ContentType.JSON).body(Map.of("outcome", " "))
                .post("/api/tickets/{number}/returned-goods/processed", number);

        // then
        processedWithout.then().statusCode(409).contentType("application/problem+json");
        byNoc.then().statusCode(403);
        twice.then().statusCode(409).contentType("application/problem+json");
        assertThat(twice.jsonPath().getString("detail")).contains(number);
        noOutcome.then().statusCode(400).contentType("application/problem+json");
    }

    private String aCase() {
        return aCase("STB-4K-200");
    }

    private String aCase(String model) {
        String device = TestDevices.register(manager, "STB-GOODS-" + UUID.randomUUID().toString().substring(0, 8),
                "SET_TOP_BOX", model);
        return as(manager).contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "deviceId", device,
                        "problem", "no picture", "severity", "MINOR"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath().getString("number");
    }

    private JsonPath ticket(String number) {
        return as(manager).get("/api/tickets/{number}", number).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
