package io.fleetcare.api.grant;

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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 part C, point 2: the engineer assigned to an open case sees what the visit needs (the home site, the
 * contacts to meet) through that case's device, under a grant the assignment implies — in the grants table, audited
 * like any other — which ends when the case is assigned to somebody else or cancelled.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class VisitGrantIT {

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    private String manager;
    private String engineer;
    private String other;

    @BeforeEach
    void accounts() {
        manager = TestAccounts.ensure(accountService, accounts, "visit-manager", Role.SERVICE_MANAGER);
        engineer = TestAccounts.ensure(accountService, accounts, "visit-engineer", Role.FIELD_ENGINEER);
        other = TestAccounts.ensure(accountService, accounts, "visit-engineer-2", Role.FIELD_ENGINEER);
    }

    @Test
    void theAssignedEngineerSeesSiteAndContactsOfTheCaseUnderAnImpliedAuditedGrant() {
        // given
        Home home = homeWithACase();
        JsonPath before = as(engineer).get("/api/devices/" + home.deviceId + "/history").then().statusCode(200)
                .extract().jsonPath();

        // when
        assign(home.ticket, engineer);

        // then
        JsonPath history = as(engineer).get("/api/devices/" + home.deviceId + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(before.getString("device.siteAddress")).isEqualTo("***");
        assertThat(before.getList("customer.contacts.phone")).doesNotContain(home.phone);
        assertThat(history.getString("device.siteAddress")).isEqualTo(home.site);
        assertThat(history.getList("customer.contacts.name")).containsExactly(home.contact);
        assertThat(history.getList("customer.contacts.phone")).containsExactly(home.phone);
        assertThat(history.getString("customer.devices")).as("the visit needs no list of what was bought").isNull();
        long grantId = history.getLong("customer.grantId");
        assertThat(history.getLong("device.grantId")).isEqualTo(grantId);
        JsonPath grant = as(engineer).get("/api/grants/" + grantId).then().statusCode(200).extract().jsonPath();
        assertThat(grant.getString("kind")).isEqualTo("ASSIGNMENT");
        assertThat(grant.getString("status")).isEqualTo("APPROVED");
        assertThat(grant.getString("ticketNumber")).isEqualTo(home.ticket);
        assertThat(grant.getString("decidedBy")).isEqualTo(manager);
        List<Map<String, Object>> audit = admin().queryParam("grantId", grantId).get("/api/audit").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).extracting(e -> e.get("action")).contains("GRANT_IMPLIED", "READ");
        assertThat(audit).filteredOn(e -> "READ".equals(e.get("action"))).extracting(e -> e.get("actor"))
                .containsOnly(engineer);
        // the archive entry by id is not part of the visit: it needs a requested grant
        as(engineer).get("/api/customers/" + home.customerId).then().statusCode(200)
                .body("classOneWithheld", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void theImpliedGrantEndsWhenTheCaseIsReassignedAndWhenItIsCancelled() {
        // given
        Home home = homeWithACase();
        assign(home.ticket, engineer);
        long first = as(engineer).get("/api/devices/" + home.deviceId).then().statusCode(200).extract().jsonPath()
                .getLong("grantId");

        // when
        assign(home.ticket, other);

        // then
        JsonPath ended = as(engineer).get("/api/grants/" + first).then().statusCode(200).extract().jsonPath();
        assertThat(ended.getString("status")).isEqualTo("ENDED");
        assertThat(ended.getString("ended.reason")).contains("reassigned", other);
        as(engineer).get("/api/devices/" + home.deviceId).then().statusCode(200)
                .body("siteAddress", org.hamcrest.Matchers.equalTo("***"))
                .body("classOneWithheld", org.hamcrest.Matchers.equalTo(true));
        JsonPath now = as(other).get("/api/devices/" + home.deviceId).then().statusCode(200).extract().jsonPath();
        assertThat(now.getString("siteAddress")).isEqualTo(home.site);
        long second = now.getLong("grantId");
        assertThat(admin().queryParam("grantId", first).queryParam("action", "GRANT_ENDED").get("/api/audit").then()
                .statusCode(200).extract().jsonPath().getList("$")).hasSize(1);

        // and when the case is cancelled
        as(manager).contentType(ContentType.JSON).body(Map.of("to", "CANCELLED", "reason", "customer withdrew"))
                .post("/api/tickets/{n}/transitions", home.ticket).then().statusCode(200);

        // then
        assertThat(as(other).get("/api/grants/" + second).then().statusCode(200).extract().jsonPath()
                .getString("status")).isEqualTo("ENDED");
        as(other).get("/api/devices/" + home.deviceId).then().statusCode(200)
                .body("siteAddress", org.hamcrest.Matchers.equalTo("***"));
    }

    @Test
    void aBusinessSiteIsOperationalButTheOwnerIsWithheld() {
        // given
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long customer = as(manager).contentType(ContentType.JSON).body(Map.of("name", "Depot Co " + tag, "tier", "A",
                "kind", "BUSINESS", "address", "Head office " + tag)).post("/api/customers").then().statusCode(201)
                .extract().jsonPath().getLong("customerId");
        String deviceId = register(customer, "Depot " + tag + ", bay 4", tag);

        // when
        JsonPath read = as(other).get("/api/devices/" + deviceId).then().statusCode(200).extract().jsonPath();

        // then
        assertThat(read.getString("siteAddress")).isEqualTo("Depot " + tag + ", bay 4");
        assertThat(read.getString("customerId")).isNull();
        assertThat(read.getBoolean("classOneWithheld")).isTrue();
        assertThat(read.getString("commissioning.acceptedBy")).isEqualTo("M***");
    }

    private Home homeWithACase() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Home home = new Home();
        home.contact = "Mr Wang " + tag;
        home.phone = "+86 139 0000 " + tag.chars().filter(Character::isDigit).count() + "123";
        home.site = "Villa " + tag + ", Plum Lane";
        home.customerId = as(manager).contentType(ContentType.JSON).body(Map.of("name", "Wang Wei " + tag, "tier", "C",
                "address", "Villa " + tag + ", Plum Lane", "contacts", List.of(Map.of("name", home.contact,
                        "phone", home.phone)))).post("/api/customers").then().statusCode(201).extract().jsonPath()
                .getLong("customerId");
        home.deviceId = register(home.customerId, home.site, tag);
        home.ticket = as(manager).contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "deviceId",
                home.deviceId, "deviceType", "EV_CHARGER", "problem", "no power", "severity", "MAJOR"))
                .post("/api/tickets").then().statusCode(201).extract().path("number");
        return home;
    }

    private String register(long customerId, String site, String tag) {
        String deviceId = "VISIT-" + tag;
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", deviceId);
        body.put("deviceType", "EV_CHARGER");
        body.put("model", "WB-7");
        body.put("serial", "SN-V-" + tag);
        body.put("siteAddress", site);
        body.put("producedOn", "2025-01-10");
        body.put("commissioning", Map.of("on", "2025-02-01", "report", "installed", "acceptedBy", "Mr Wang " + tag));
        body.put("customerId", customerId);
        as(manager).contentType(ContentType.JSON).body(body).post("/api/devices").then().statusCode(201);
        return deviceId;
    }

    private void assign(String ticket, String to) {
        Instant from = Instant.now().plus(1, ChronoUnit.HOURS);
        as(manager).contentType(ContentType.JSON).body(Map.of("engineer", to, "from", from.toString(), "to",
                from.plus(2, ChronoUnit.HOURS).toString())).put("/api/tickets/{n}/assignment", ticket)
                .then().statusCode(200);
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }

    private static final class Home {
        String contact;
        String phone;
        String site;
        long customerId;
        String deviceId;
        String ticket;
    }
}
