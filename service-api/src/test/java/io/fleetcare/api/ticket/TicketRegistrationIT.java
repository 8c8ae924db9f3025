package io.fleetcare.api.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.ticket.sla.SlaDueTimes;
import io.fleetcare.api.ticket.sla.SlaPolicy;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases a person registers by phone, e-mail or web: who may, what is stored, and what is refused. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TicketRegistrationIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    SlaPolicy slaPolicy;

    @Test
    void nocOperatorRegistersAComplaintByPhoneAndGets201WithLocationAndTheTicket() {
        // given
        String noc = TestAccounts.ensure(accountService, accounts, "reg-noc", Role.NOC_OPERATOR);
        Map<String, Object> body = validBody(newDevice());
        body.put("complaint", true);

        // when
        Response response = given().auth().preemptive().basic(noc, TestAccounts.passwordOf(noc))
                .contentType(ContentType.JSON).body(body).post("/api/tickets");

        // then
        response.then().statusCode(201).contentType(ContentType.JSON);
        JsonPath created = response.jsonPath();
        String number = created.getString("number");
        assertThat(number).matches(TicketNumber.FORMAT.pattern());
        assertThat(response.header("Location")).endsWith("/api/tickets/" + number);
        assertThat(created.getString("status")).isEqualTo("REGISTERED");
        assertThat(created.getString("channel")).isEqualTo("PHONE");
        assertThat(created.getString("deviceId")).isEqualTo(body.get("deviceId"));
        assertThat(created.getString("deviceType")).isEqualTo("SET_TOP_BOX");
        assertThat(created.getString("model")).isEqualTo("STB-4K-200");
        assertThat(created.getString("ruleId")).isNull();
        assertThat(created.getString("severity")).isEqualTo("MINOR");
        assertThat(created.getString("priority")).isEqualTo("P3");
        assertThat(created.getString("problem")).isEqualTo("no picture since the storm");
        assertThat(created.getBoolean("complaint")).isTrue();
        assertThat(created.getString("registeredBy")).isEqualTo(noc);
        assertThat(created.getList("evidence")).isEmpty();
        assertThat(created.getList("transitions")).isEmpty();
        Instant openedAt = Instant.parse(created.getString("openedAt"));
        SlaDueTimes expected = slaPolicy.dueTimes(openedAt, true);
        assertThat(Instant.parse(created.getString("sla.respondBy"))).isEqualTo(expected.respondBy());
        assertThat(Instant.parse(created.getString("sla.answerBy"))).isEqualTo(expected.answerBy());
        assertThat(Instant.parse(created.getString("sla.onSiteBy"))).isEqualTo(expected.onSiteBy());
        assertThat(Instant.parse(created.getString("sla.repairBy"))).isEqualTo(expected.repairBy());
        assertThat(Instant.parse(created.getString("sla.complaintVerifyBy"))).isEqualTo(expected.complaintVerifyBy());
        assertThat(created.getBoolean("sla.complaintVerifyBreached")).isFalse();
        given().auth().preemptive().basic(noc, TestAccounts.passwordOf(noc)).get(response.header("Location"))
                .then().statusCode(200).contentType(ContentType.JSON);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleButTheFieldEngineerMayRegister(Role role) {
        // given
        String username = TestAccounts.ensure(accountService, accounts,
                "reg-" + role.name().toLowerCase(Locale.ROOT), role);
        String device = newDevice();

        // when
        Response response = given().auth().preemptive().basic(username, TestAccounts.passwordOf(username))
                .contentType(ContentType.JSON).body(validBody(device)).post("/api/tickets");

        // then
        int expected = role == Role.FIELD_ENGINEER ? 403 : 201;
        response.then().statusCode(expected);
        assertThat(ticketsOf(device)).isEqualTo(role == Role.FIELD_ENGINEER ? 0 : 1);
    }

    @Test
    void anonymousRegistrationIsAnswered401() {
        given().contentType(ContentType.JSON).body(validBody(newDevice())).post("/api/tickets")
                .then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel=", "channel=FAX", "channel=TELEMETRY", "deviceType=TOASTER", "severity=",
            "severity=URGENT", "problem=", "problem= ", "deviceId=", "deviceId=STB'; DROP TABLE ticket;--",
            "deviceId=<script>alert(1)</script>", "model=LONG", "problem=LONG"})
    void invalidFieldIsAnswered400AndRegistersNothing(String change) {
        // given
        String device = newDevice();
        Map<String, Object> body = validBody(device);
        String field = change.substring(0, change.indexOf('='));
        String value = change.substring(change.indexOf('=') + 1);
        body.put(field, "LONG".equals(value) ? "x".repeat(3000) : value.isEmpty() ? null : value);

        // when
        Response response = admin().contentType(ContentType.JSON).body(body).post("/api/tickets");

        // then
        response.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("io.fleetcare");
        assertThat(ticketsOf(device)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"channel\":", "[]", "{\"channel\":\"PHONE\",\"complaint\":\"maybe\"}"})
    void unreadableBodyIsAnswered400WithAProblem(String body) {
        // when
        Response response = admin().contentType(ContentType.JSON).body(body).post("/api/tickets");

        // then
        response.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("com.fasterxml")
                .doesNotContain("io.fleetcare");
    }

    @Test
    void missingBodyIsAnswered400() {
        admin().contentType(ContentType.JSON).post("/api/tickets").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
    }

    private static int ticketsOf(String device) {
        return admin().queryParam("deviceId", device).get("/api/tickets").then().statusCode(200).extract()
                .jsonPath().getList("$").size();
    }

    private static Map<String, Object> validBody(String device) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", "PHONE");
        body.put("deviceId", device);
        body.put("deviceType", "SET_TOP_BOX");
        body.put("model", "STB-4K-200");
        body.put("problem", "no picture since the storm");
        body.put("severity", "MINOR");
        return body;
    }

    private static String newDevice() {
        return "STB-REG-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
