package io.fleetcare.api.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestDevices;
import io.fleetcare.api.TestRepairs;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
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
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, "the case lifecycle carries evidence", over HTTP against the real PostgreSQL: RESOLVED needs a repair
 * record or a recorded remote resolution, ESCALATED is no shortcut, CUSTOMER_CONFIRMED says how the customer
 * confirmed, and a resolved case can be reopened with a reason.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CaseEvidenceIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    TicketIntake intake;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    DataSource dataSource;

    private String noc;
    private String engineer;
    private String manager;

    @BeforeEach
    void accounts() {
        noc = TestAccounts.ensure(accountService, accounts, "ev-noc", Role.NOC_OPERATOR);
        engineer = TestAccounts.ensure(accountService, accounts, "ev-engineer", Role.FIELD_ENGINEER);
        manager = TestAccounts.ensure(accountService, accounts, "ev-manager", Role.SERVICE_MANAGER);
    }

    @Test
    void resolvedWithoutARepairRecordOrARemoteResolutionIsRefusedNamingWhatIsMissing() {
        // given
        String number = TestRepairs.onSite(manager, engineer, openTicket(newDevice()));

        // when
        Response refused = move(engineer, number, Map.of("to", "RESOLVED", "reason", "fixed"));

        // then
        refused.then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:evidence-required");
        assertThat(refused.jsonPath().getString("detail")).contains("repair record").contains("remoteResolution");
        assertThat(get(number).getString("status")).isEqualTo("ON_SITE");
    }

    @Test
    void aRemoteResolutionRecordsWhatWasDoneHowAndByTheSignedInPerson() {
        // given
        String number = openTicket(newDevice());
        move(noc, number, Map.of("to", "ACKNOWLEDGED")).then().statusCode(200);

        // when
        JsonPath resolved = move(noc, number, Map.of("to", "RESOLVED", "remoteResolution",
                Map.of("method", "RESET", "workDone", "decoder restarted remotely, picture back")))
                .then().statusCode(200).extract().jsonPath();

        // then
        assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
        assertThat(resolved.getList("remoteResolutions")).hasSize(1);
        assertThat(resolved.getString("remoteResolutions[0].method")).isEqualTo("RESET");
        assertThat(resolved.getString("remoteResolutions[0].workDone")).isEqualTo("decoder restarted remotely, picture back");
        assertThat(resolved.getString("remoteResolutions[0].by")).isEqualTo(noc);
        assertThat(resolved.getString("remoteResolutions[0].at")).isNotNull();
    }

    @Test
    void remoteResolutionNeedsAKnownMethodAndWhatWasDone() {
        // given
        String number = openTicket(newDevice());
        move(noc, number, Map.of("to", "ACKNOWLEDGED")).then().statusCode(200);

        // when / then
        move(noc, number, Map.of("to", "RESOLVED", "remoteResolution", Map.of("method", "PRAYER", "workDone", "x")))
                .then().statusCode(400).contentType(PROBLEM_JSON);
        move(noc, number, Map.of("to", "RESOLVED", "remoteResolution", Map.of("method", "RESET", "workDone", " ")))
                .then().statusCode(400).contentType(PROBLEM_JSON);
        move(noc, number, Map.of("to", "RESOLVED")).then().statusCode(409);
        assertThat(get(number).getString("status")).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void theEscalationShortcutWithNoEngineerNoVisitAndNoRecordIsRefused() {
        // given
        String number = openTicket(newDevice());
        move(noc, number, Map.of("to", "ESCALATED", "reason", "customer very upset")).then().statusCode(200);

        // when
        Response resolved = move(manager, number, Map.of("to", "RESOLVED", "reason", "sorted"));
        Response resolvedRemotely = move(manager, number, Map.of("to", "RESOLVED", "remoteResolution",
                Map.of("method", "ADVICE", "workDone", "told to wait")));
        Response confirmed = move(manager, number, Map.of("to", "CUSTOMER_CONFIRMED", "confirmation",
                Map.of("method", "CALL", "contact", "Ms Zhao")));
        Response closed = move(TestAccounts.ADMIN_USERNAME, number, Map.of("to", "CLOSED"));

        // then
        for (Response refused : List.of(resolved, resolvedRemotely, confirmed, closed)) {
            refused.then().statusCode(409).contentType(PROBLEM_JSON);
            assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:illegal-transition");
            assertThat(refused.jsonPath().getString("detail")).contains("escalated from REGISTERED");
        }
        assertThat(get(number).getString("status")).isEqualTo("ESCALATED");
        assertThat(get(number).getList("remoteResolutions")).isEmpty();
    }

    @Test
    void deEscalationReturnsToWhereTheCaseWasOrToOneOfItsMovesChosenByASupervisor() {
        // given
        String back = openTicket(newDevice());
        move(noc, back, Map.of("to", "ESCALATED", "reason", "VIP customer")).then().statusCode(200);
        String onSite = TestRepairs.onSite(manager, engineer, openTicket(newDevice()));
        move(manager, onSite, Map.of("to", "ESCALATED", "reason", "needs a new board")).then().statusCode(200);

        // when
        move(noc, back, Map.of("to", "REGISTERED")).then().statusCode(403);
        JsonPath returned = move(manager, back, Map.of("to", "REGISTERED")).then().statusCode(200).extract().jsonPath();
        move(manager, onSite, Map.of("to", "SCHEDULED")).then().statusCode(409);
        Response noEvidence = move(manager, onSite, Map.of("to", "RESOLVED"));
        JsonPath onSiteAgain = move(manager, onSite, Map.of("to", "ON_SITE")).then().statusCode(200).extract()
                .jsonPath();

        // then
        assertThat(returned.getString("status")).isEqualTo("REGISTERED");
        assertThat(returned.getList("transitions.to")).containsExactly("ESCALATED", "REGISTERED");
        noEvidence.then().statusCode(409);
        assertThat(noEvidence.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:evidence-required");
        assertThat(onSiteAgain.getString("status")).isEqualTo("ON_SITE");
    }

    @Test
    void aRepairRecordResolvesAndTheCustomersSignatureOnItConfirms() {
        // given
        String device = TestDevices.registerSetTopBox(manager, newDevice());
        String number = TestRepairs.onSite(manager, engineer, register(device));
        long record = fileRecord(device, number, "Ms Zhao");

        // when
        move(engineer, number, Map.of("to", "RESOLVED")).then().statusCode(200);
        JsonPath confirmed = move(manager, number, Map.of("to", "CUSTOMER_CONFIRMED", "confirmation",
                Map.of("method", "SIGNATURE"))).then().statusCode(200).extract().jsonPath();
        JsonPath closed = move(manager, number, Map.of("to", "CLOSED")).then().statusCode(200).extract().jsonPath();

        // then
        assertThat(confirmed.getList("confirmations")).hasSize(1);
        assertThat(confirmed.getString("confirmations[0].method")).isEqualTo("SIGNATURE");
        assertThat(confirmed.getString("confirmations[0].contact")).isEqualTo("M***");
        assertThat(confirmed.getLong("confirmations[0].repairRecordId")).isEqualTo(record);
        assertThat(confirmed.getString("confirmations[0].by")).isEqualTo(manager);
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getList("remoteResolutions")).isEmpty();
    }

    @Test
    void customerConfirmationSaysHowTheCustomerConfirmedAndWhoRecordedIt() throws SQLException {
        // given
        String number = resolvedRemotely();

        // when
        Response none = move(manager, number, Map.of("to", "CUSTOMER_CONFIRMED"));
        Response noContact = move(manager, number, Map.of("to", "CUSTOMER_CONFIRMED", "confirmation",
                Map.of("method", "CALL")));
        Response unsigned = move(manager, number, Map.of("to", "CUSTOMER_CONFIRMED", "confirmation",
                Map.of("method", "SIGNATURE")));
        Response unknown = move(manager, number, Map.of("to", "CUSTOMER_CONFIRMED", "confirmation",
                Map.of("method", "TELEPATHY", "contact", "x")));
        JsonPath confirmed = move(manager, number, Map.of("to", "CUSTOMER_CONFIRMED", "confirmation",
                Map.of("method", "CALL", "contact", "Mr Li, +86 574 8888 1234", "reference", "call log 4711")))
                .then().statusCode(200).extract().jsonPath();

        // then
        none.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(none.jsonPath().getString("detail")).contains("confirmation");
        noContact.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(noContact.jsonPath().getString("detail")).contains("contact");
        unsigned.then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(unsigned.jsonPath().getString("detail")).contains("signed");
        unknown.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(confirmed.getString("status")).isEqualTo("CUSTOMER_CONFIRMED");
        assertThat(confirmed.getMap("confirmations[0]")).containsEntry("method", "CALL")
                .containsEntry("contact", "M***").containsEntry("reference", "call log 4711")
                .containsEntry("by", manager).doesNotContainKey("repairRecordId");
        assertThat(get(number).getList("confirmations")).hasSize(1);
        assertThat(storedContacts(number)).containsExactly("Mr Li, +86 574 8888 1234");
    }

    private List<String> storedContacts(String number) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT customer_contact FROM ticket_confirmation f JOIN ticket t ON t.id = f.ticket_id"
                        + " WHERE t.number = ? ORDER BY f.id")) {
            st.setString(1, number);
            try (ResultSet rs = st.executeQuery()) {
                List<String> contacts = new java.util.ArrayList<>();
                while (rs.next()) {
                    contacts.add(rs.getString(1));
                }
                return contacts;
            }
        }
    }

    @Test
    void aResolvedOrConfirmedCaseIsReopenedWithAReasonAndNeedsNewEvidenceToBeResolvedAgain() {
        // given
        String number = resolvedRemotely();

        // when
        Response withoutReason = move(noc, number, Map.of("to", "ACKNOWLEDGED"));
        JsonPath reopened = move(noc, number, Map.of("to", "ACKNOWLEDGED", "reason", "no picture again next morning"))
                .then().statusCode(200).extract().jsonPath();
        Response oldEvidenceOnly = move(noc, number, Map.of("to", "RESOLVED"));
        move(noc, number, Map.of("to", "RESOLVED", "remoteResolution", Map.of("method", "CONFIGURATION",
                "workDone", "tuner frequency table reloaded"))).then().statusCode(200);
        move(manager, number, Map.of("to", "CUSTOMER_CONFIRMED", "confirmation",
                Map.of("method", "EMAIL", "contact", "li@example.com"))).then().statusCode(200);
        Response confirmedWithoutReason = move(manager, number, Map.of("to", "ACKNOWLEDGED"));
        JsonPath reopenedAgain = move(manager, number, Map.of("to", "ACKNOWLEDGED", "reason", "customer withdrew the"
                + " confirmation")).then().statusCode(200).extract().jsonPath();

        // then
        withoutReason.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(withoutReason.jsonPath().getString("detail")).contains("reason");
        assertThat(reopened.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(reopened.getString("transitions[-1].reason")).isEqualTo("no picture again next morning");
        oldEvidenceOnly.then().statusCode(409);
        assertThat(oldEvidenceOnly.jsonPath().getString("detail")).contains("since it was reopened");
        confirmedWithoutReason.then().statusCode(400);
        assertThat(reopenedAgain.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(reopenedAgain.getList("remoteResolutions")).hasSize(2);
        assertThat(reopenedAgain.getList("confirmations")).hasSize(1);
        assertThat(reopenedAgain.getString("confirmations[0].contact")).isEqualTo("l***@example.com");
    }

    @Test
    void evidenceGivenWithAMoveThatTakesNoneIsRefused() {
        // given
        String number = openTicket(newDevice());

        // when / then
        move(noc, number, Map.of("to", "ACKNOWLEDGED", "remoteResolution", Map.of("method", "RESET", "workDone", "x")))
                .then().statusCode(400).contentType(PROBLEM_JSON);
        move(noc, number, Map.of("to", "ACKNOWLEDGED", "confirmation", Map.of("method", "CALL", "contact", "x")))
                .then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(get(number).getString("status")).isEqualTo("REGISTERED");
    }

    private String resolvedRemotely() {
        String number = openTicket(newDevice());
        move(noc, number, Map.of("to", "ACKNOWLEDGED")).then().statusCode(200);
        move(noc, number, Map.of("to", "RESOLVED", "remoteResolution", Map.of("method", "REMOTE_COMMAND",
                "workDone", "REBOOT command completed, CPU temperature back to 58 °C"))).then().statusCode(200);
        return number;
    }

    private long fileRecord(String device, String number, String signOff) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "REPAIR");
        body.put("deviceId", device);
        body.put("ticketNumber", number);
        body.put("symptom", "no picture");
        body.put("cause", "loose HDMI board");
        body.put("workDone", "board reseated");
        body.put("testResult", "picture stable for 30 minutes");
        body.put("minutesSpent", 30);
        body.put("customerSignOff", signOff);
        body.put("performedAt", Instant.now().minusMillis(1).toString());
        return as(engineer).contentType(ContentType.JSON).body(body).post("/api/repairs").then().statusCode(201)
                .extract().jsonPath().getLong("recordId");
    }

    private String register(String device) {
        return as(manager).contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "deviceId", device,
                "deviceType", "SET_TOP_BOX", "problem", "no picture", "severity", "MAJOR")).post("/api/tickets").then().statusCode(201).extract()
                .path("number");
    }

    private Response move(String username, String number, Map<String, Object> body) {
        return as(username).contentType(ContentType.JSON).body(body).post("/api/tickets/{n}/transitions", number);
    }

    private JsonPath get(String number) {
        return as(manager).get("/api/tickets/{n}", number).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification as(String username) {
        String password = TestAccounts.ADMIN_USERNAME.equals(username)
                ? TestAccounts.ADMIN_PASSWORD : TestAccounts.passwordOf(username);
        return given().auth().preemptive().basic(username, password);
    }

    private String openTicket(String device) {
        Instant reading = Instant.now();
        IntakeResult result = intake.accept(new MaintenanceRequest("req-" + UUID.randomUUID(), device,
                DeviceType.SET_TOP_BOX, "STB-4K-200", "stb.no-signal", MaintenanceRequest.Kind.CORRECTIVE,
                Severity.MAJOR, "no signal for 10 minutes", reading, null, null,
                List.of(Evidence.reading(reading, "tuner_snr_db", 3.0))));
        return result.ticketNumber();
    }

    private static String newDevice() {
        return "STB-EV-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
