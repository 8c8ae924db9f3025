package io.fleetcare.api.ticket.exclusion;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Warranty exclusions recorded on a case (seed 002 §2.1, seed 003), through the API on a real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WarrantyExclusionIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    private String manager;
    private String engineer;
    private String otherEngineer;
    private String noc;
    private String admin;

    @BeforeEach
    void accounts() {
        manager = TestAccounts.ensure(accountService, accounts, "excl-manager", Role.SERVICE_MANAGER);
        engineer = TestAccounts.ensure(accountService, accounts, "excl-engineer", Role.FIELD_ENGINEER);
        otherEngineer = TestAccounts.ensure(accountService, accounts, "excl-engineer-2", Role.FIELD_ENGINEER);
        noc = TestAccounts.ensure(accountService, accounts, "excl-noc", Role.NOC_OPERATOR);
        admin = TestAccounts.ensure(accountService, accounts, "excl-admin", Role.ADMIN);
    }

    @Test
    void theAssignedEngineersExclusionMakesAFreeCasePaidAndIsAudited() {
        // given: a case in warranty, assigned to the engineer
        String number = freeCase();
        assign(number, engineer);

        // when
        Response response = as(engineer).contentType(ContentType.JSON)
                .body(Map.of("reason", "WRONG_INSTALLATION", "evidence", "Earth conductor missing at the wall box"))
                .post("/api/tickets/{number}/warranty-exclusion", number);

        // then
        response.then().statusCode(201);
        assertThat(response.jsonPath().getString("reason")).isEqualTo("WRONG_INSTALLATION");
        assertThat(response.jsonPath().getString("recordedBy")).isEqualTo(engineer);
        assertThat(response.jsonPath().getString("categoryBefore")).isEqualTo("FREE");
        assertThat(response.jsonPath().getString("categoryAfter")).isEqualTo("PAID");
        assertThat(ticket(number).getString("serviceCategory")).isEqualTo("PAID");
        JsonPath stored = as(noc).get("/api/tickets/{number}/warranty-exclusion", number).then().statusCode(200)
                .extract().jsonPath();
        assertThat(stored.getString("evidence")).isEqualTo("Earth conductor missing at the wall box");
        List<Map<String, Object>> audit = as(admin)
                .queryParam("subjectType", "TICKET").queryParam("subjectId", number).get("/api/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry).containsEntry("actor", engineer).containsEntry("action", "WRITE");
            assertThat((String) entry.get("detail")).contains("WRONG_INSTALLATION").contains("FREE -> PAID");
        });
    }

    @Test
    void anExclusionIsRefusedToAnEngineerNotAssignedToTheNocAndOnACaseNotFreeOrAlreadyExcluded() {
        // given
        String number = freeCase();
        assign(number, engineer);
        Map<String, String> body = Map.of("reason", "TAMPERING", "evidence", "Seal of the enclosure broken");

        // when
        Response notAssigned = as(otherEngineer).contentType(ContentType.JSON).body(body)
                .post("/api/tickets/{number}/warranty-exclusion", number);
        Response fromNoc = as(noc).contentType(ContentType.JSON).body(body)
                .post("/api/tickets/{number}/warranty-exclusion", number);
        Response first = as(manager).contentType(ContentType.JSON).body(body)
                .post("/api/tickets/{number}/warranty-exclusion", number);
        Response second = as(manager).contentType(ContentType.JSON).body(body)
                .post("/api/tickets/{number}/warranty-exclusion", number);

        // then
        problem(notAssigned, 403);
        assertThat(notAssigned.jsonPath().getString("detail")).contains(number);
        problem(fromNoc, 403);
        first.then().statusCode(201);
        problem(second, 409);
        assertThat(second.jsonPath().getString("detail")).contains("already");
    }

    @Test
    void anExclusionOnACaseOutOfWarrantyOrWithoutEvidenceOrWithAnUnknownReasonIsRefused() {
        // given: a case whose only component is out of warranty
        String paid = caseOf(register(0));
        String free = freeCase();

        // when
        Response outOfWarranty = as(manager).contentType(ContentType.JSON)
                .body(Map.of("reason", "WRONG_USE", "evidence", "Used as a step ladder"))
                .post("/api/tickets/{number}/warranty-exclusion", paid);
        Response noEvidence = as(manager).contentType(ContentType.JSON)
                .body(Map.of("reason", "WRONG_USE", "evidence", "   "))
                .post("/api/tickets/{number}/warranty-exclusion", free);
        Response unknownReason = as(manager).contentType(ContentType.JSON)
                .body(Map.of("reason", "BAD_LUCK", "evidence", "Nothing in particular"))
                .post("/api/tickets/{number}/warranty-exclusion", free);

        // then
        problem(outOfWarranty, 409);
        assertThat(outOfWarranty.jsonPath().getString("detail")).contains("PAID");
        problem(noEvidence, 400);
        problem(unknownReason, 400);
        assertThat(unknownReason.jsonPath().getString("detail")).contains("BAD_LUCK").contains("FORCE_MAJEURE");
        assertThat(ticket(free).getString("serviceCategory")).isEqualTo("FREE");
        as(manager).get("/api/tickets/{number}/warranty-exclusion", free).then().statusCode(404);
    }

    private String freeCase() {
        return caseOf(register(36));
    }

    private String register(int warrantyMonths) {
        String device = "STB-EXCL-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", device);
        body.put("deviceType", "SET_TOP_BOX");
        body.put("model", "STB-4K-200");
        body.put("serial", "SN-" + device);
        body.put("siteAddress", "Flat 3, Lake Road 1");
        body.put("producedOn", TODAY.minusMonths(6).toString());
        body.put("components", List.of(Map.of("name", "main board", "warrantyMonths", warrantyMonths)));
        as(manager).contentType(ContentType.JSON).body(body).post("/api/devices").then().statusCode(201);
        return device;
    }

    private String caseOf(String device) {
        return as(manager).contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "deviceId", device,
                        "deviceType", "SET_TOP_BOX", "problem", "no picture", "severity", "MINOR"))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath().getString("number");
    }

    private void assign(String number, String to) {
        Instant from = Instant.now().plus(1, ChronoUnit.HOURS);
        as(manager).contentType(ContentType.JSON)
                .body(Map.of("engineer", to, "from", from.toString(), "to", from.plus(2, ChronoUnit.HOURS).toString()))
                .put("/api/tickets/{number}/assignment", number).then().statusCode(200);
    }

    private JsonPath ticket(String number) {
        return as(manager).get("/api/tickets/{number}", number).then().statusCode(200).extract().jsonPath();
    }

    private static void problem(Response response, int status) {
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
