package io.fleetcare.api.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestDevices;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.ticket.sla.SlaDueTimes;
import io.fleetcare.api.ticket.sla.SlaPolicy;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
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

    @Inject
    TicketIntake intake;

    @Inject
    DataSource dataSource;

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
    void everyRoleButTheFieldEngineerAndTheTopManagerMayRegister(Role role) {
        // given
        String username = TestAccounts.ensure(accountService, accounts,
                "reg-" + role.name().toLowerCase(Locale.ROOT), role);
        String device = newDevice();

        // when
        Response response = given().auth().preemptive().basic(username, TestAccounts.passwordOf(username))
                .contentType(ContentType.JSON).body(validBody(device)).post("/api/tickets");

        // then
        boolean refused = role == Role.FIELD_ENGINEER || role == Role.TOP_MANAGER;
        response.then().statusCode(refused ? 403 : 201);
        assertThat(ticketsOf(device)).isEqualTo(refused ? 0 : 1);
    }

    @Test
    void aCaseForADeviceTheRegistryDoesNotHoldIsRefusedAndUsesNoCaseNumber() {
        // given
        long before = running(admin().contentType(ContentType.JSON).body(validBody(newDevice())).post("/api/tickets")
                .then().statusCode(201).extract().path("number"));
        Map<String, Object> unknown = validBody("NOPE-999-" + UUID.randomUUID().toString().substring(0, 6));

        // when
        Response refused = admin().contentType(ContentType.JSON).body(unknown).post("/api/tickets");
        long after = running(admin().contentType(ContentType.JSON).body(validBody(newDevice())).post("/api/tickets")
                .then().statusCode(201).extract().path("number"));

        // then
        refused.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:device-not-registered");
        assertThat(refused.jsonPath().getString("detail")).contains((String) unknown.get("deviceId"))
                .contains("unregisteredProduct");
        assertThat(ticketsOf((String) unknown.get("deviceId"))).isZero();
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void kindModelAndSerialComeFromTheRegistryAndAMismatchIsRefused() throws SQLException {
        // given
        String device = newDevice();
        long customer = admin().contentType(ContentType.JSON).body(Map.of("name", "Reg Harbour", "tier", "B",
                "address", "Quay 1", "contacts", List.of(Map.of("name", "Ms Qian", "phone", "+86 21 0000 1111"))))
                .post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("customerId");
        String owned = "STB-REG-OWN-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> ownedDevice = new HashMap<>(Map.of("deviceId", owned, "deviceType", "SET_TOP_BOX",
                "model", "STB-4K-200", "serial", "SN-" + owned, "siteAddress", "Quay 1", "producedOn", "2026-01-05",
                "customerId", customer));
        admin().contentType(ContentType.JSON).body(ownedDevice).post("/api/devices").then().statusCode(201);
        Map<String, Object> calledACharger = validBody(device);
        calledACharger.put("deviceType", "EV_CHARGER");
        Map<String, Object> inventedModel = validBody(device);
        inventedModel.put("model", "STB-INVENTED-1");
        Map<String, Object> otherSerial = validBody(device);
        otherSerial.put("serial", "SN-SOMEONE-ELSE");
        Map<String, Object> minimal = new HashMap<>(Map.of("channel", "EMAIL", "deviceId", owned,
                "problem", "remote does not pair", "severity", "MINOR"));

        // when
        Response charger = admin().contentType(ContentType.JSON).body(calledACharger).post("/api/tickets");
        Response model = admin().contentType(ContentType.JSON).body(inventedModel).post("/api/tickets");
        Response serial = admin().contentType(ContentType.JSON).body(otherSerial).post("/api/tickets");
        JsonPath created = admin().contentType(ContentType.JSON).body(minimal).post("/api/tickets").then()
                .statusCode(201).extract().jsonPath();

        // then
        for (Response refused : List.of(charger, model, serial)) {
            refused.then().statusCode(400).contentType(PROBLEM_JSON);
            assertThat(refused.jsonPath().getString("detail")).contains("registry");
        }
        assertThat(charger.jsonPath().getString("detail")).contains("EV_CHARGER").contains("SET_TOP_BOX");
        assertThat(ticketsOf(device)).isZero();
        assertThat(created.getString("deviceType")).isEqualTo("SET_TOP_BOX");
        assertThat(created.getString("model")).isEqualTo("STB-4K-200");
        assertThat(created.getString("serial")).isEqualTo("SN-" + owned);
        assertThat(created.getBoolean("unregistered")).isFalse();
        assertThat(customerOfCase(created.getString("number"))).isEqualTo(customer);
    }

    @Test
    void aCaseSaidToBeForAnUnregisteredProductNeedsItsKindModelAndSerialAsToldAndIsMarkedSo() {
        // given
        String device = "STB-UNREG-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> told = validBody(device);
        told.put("unregisteredProduct", true);
        told.put("serial", "SN-TOLD-42");
        Map<String, Object> noSerial = new HashMap<>(told);
        noSerial.remove("serial");
        Map<String, Object> registeredOne = validBody(newDevice());
        registeredOne.put("unregisteredProduct", true);
        registeredOne.put("serial", "x");

        // when
        Response withoutSerial = admin().contentType(ContentType.JSON).body(noSerial).post("/api/tickets");
        Response saidOfARegisteredOne = admin().contentType(ContentType.JSON).body(registeredOne).post("/api/tickets");
        JsonPath created = admin().contentType(ContentType.JSON).body(told).post("/api/tickets").then()
                .statusCode(201).extract().jsonPath();

        // then
        withoutSerial.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(withoutSerial.jsonPath().getString("detail")).contains("serial");
        saidOfARegisteredOne.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(created.getBoolean("unregistered")).isTrue();
        assertThat(created.getString("serial")).isEqualTo("SN-TOLD-42");
        assertThat(created.getString("model")).isEqualTo("STB-4K-200");
        assertThat(created.getString("deviceType")).isEqualTo("SET_TOP_BOX");
    }

    @Test
    void aMaintenanceRequestForADeviceNotInTheRegistryStillOpensATicketMarkedUnregistered() {
        // given
        String device = "STB-TELE-UNREG-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();

        // when
        IntakeResult result = intake.accept(new MaintenanceRequest("req-" + UUID.randomUUID(), device,
                DeviceType.SET_TOP_BOX, "STB-4K-200", "stb.cpu-overheat", MaintenanceRequest.Kind.CORRECTIVE,
                Severity.MAJOR, "CPU above 85 °C for 5 minutes", now, null, null,
                List.of(Evidence.reading(now, "cpu_temp_c", 91.0))));

        // then
        assertThat(result.outcome()).isEqualTo(IntakeResult.Outcome.OPENED);
        JsonPath ticket = admin().get("/api/tickets/{n}", result.ticketNumber()).then().statusCode(200).extract()
                .jsonPath();
        assertThat(ticket.getBoolean("unregistered")).isTrue();
        assertThat(ticket.getString("serial")).isNull();
        assertThat(ticket.getString("channel")).isEqualTo("TELEMETRY");
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

    /** A set-top box of model STB-4K-200, registered (issue 20: a case names a device of the registry). */
    private static String newDevice() {
        return TestDevices.registerSetTopBox(TestAccounts.ADMIN_USERNAME,
                "STB-REG-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static long running(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    private Long customerOfCase(String number) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT customer_id FROM ticket WHERE number = ?")) {
            st.setString(1, number);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? null : id;
            }
        }
    }
}
