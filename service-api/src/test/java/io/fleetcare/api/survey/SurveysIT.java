package io.fleetcare.api.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.ticket.IntakeResult;
import io.fleetcare.api.ticket.TicketIntake;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Satisfaction surveys over HTTP against the real PostgreSQL: taken once the customer confirmed the repair, once
 * per case, on a 1-5 scale, never changed.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SurveysIT {

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
        noc = TestAccounts.ensure(accountService, accounts, "sv-noc", Role.NOC_OPERATOR);
        engineer = TestAccounts.ensure(accountService, accounts, "sv-engineer", Role.FIELD_ENGINEER);
        manager = TestAccounts.ensure(accountService, accounts, "sv-manager", Role.SERVICE_MANAGER);
    }

    @Test
    void surveyOfAConfirmedCaseIsRecordedAndReadBack() {
        // given
        String number = ticketIn("CUSTOMER_CONFIRMED");

        // when
        Response recorded = survey(noc, number, Map.of("attitude", 5, "skill", 4, "punctuality", 3, "result", 4,
                "comment", "  came on time, <b>friendly</b> "));

        // then
        recorded.then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/tickets/" + number + "/survey"));
        assertThat(recorded.jsonPath().getDouble("satisfaction")).isEqualTo(4.0);
        assertThat(recorded.jsonPath().getString("recordedBy")).isEqualTo(noc);
        Response read = as(manager).get("/api/tickets/{number}/survey", number);
        read.then().statusCode(200);
        assertThat(read.jsonPath().getString("ticketNumber")).isEqualTo(number);
        assertThat(read.jsonPath().getInt("attitude")).isEqualTo(5);
        assertThat(read.jsonPath().getInt("skill")).isEqualTo(4);
        assertThat(read.jsonPath().getInt("punctuality")).isEqualTo(3);
        assertThat(read.jsonPath().getInt("result")).isEqualTo(4);
        assertThat(read.jsonPath().getString("comment")).isEqualTo("came on time, <b>friendly</b>");
    }

    @Test
    void closedCaseCanBeSurveyed() {
        // given
        String number = ticketIn("CLOSED");

        // when
        Response recorded = survey(manager, number, scores(2));

        // then
        recorded.then().statusCode(201);
        assertThat(recorded.jsonPath().getMap("$")).containsEntry("comment", null);
    }

    @Test
    void surveyBeforeTheCustomerConfirmedIsRefused409AndNothingIsStored() throws SQLException {
        // given
        String registered = ticketIn("REGISTERED");
        String resolved = ticketIn("RESOLVED");

        // when
        Response early = survey(noc, registered, scores(4));
        Response notConfirmed = survey(noc, resolved, scores(4));

        // then
        for (Response refused : List.of(early, notConfirmed)) {
            refused.then().statusCode(409).contentType(PROBLEM_JSON);
            assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:survey-not-possible");
        }
        assertThat(notConfirmed.jsonPath().getString("detail")).contains("RESOLVED");
        assertThat(surveysStored(registered) + surveysStored(resolved)).isZero();
        as(manager).get("/api/tickets/{number}/survey", resolved).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void secondSurveyOfACaseIsRefused409AndTheFirstStays() {
        // given
        String number = ticketIn("CUSTOMER_CONFIRMED");
        survey(noc, number, scores(5)).then().statusCode(201);

        // when
        Response second = survey(manager, number, scores(1));

        // then
        second.then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(second.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:survey-already-recorded");
        assertThat(as(manager).get("/api/tickets/{number}/survey", number).jsonPath().getInt("attitude"))
                .isEqualTo(5);
    }

    @Test
    void ratingsOutsideTheScaleOrMissingAndUnknownTicketsAreRefused() throws SQLException {
        // given
        String number = ticketIn("CUSTOMER_CONFIRMED");

        // when / then
        survey(noc, number, Map.of("attitude", 0, "skill", 4, "punctuality", 4, "result", 4)).then().statusCode(400)
                .contentType(PROBLEM_JSON);
        survey(noc, number, Map.of("attitude", 6, "skill", 4, "punctuality", 4, "result", 4)).then().statusCode(400);
        survey(noc, number, Map.of("attitude", 4, "skill", 4, "punctuality", 4)).then().statusCode(400);
        survey(noc, number, Map.of("attitude", "'; DROP TABLE ticket_survey; --", "skill", 4, "punctuality", 4,
                "result", 4)).then().statusCode(400).contentType(PROBLEM_JSON);
        survey(noc, number, Map.of("attitude", 4, "skill", 4, "punctuality", 4, "result", 4, "comment",
                "x".repeat(2001))).then().statusCode(400);
        survey(noc, "TK-1999-999999", scores(4)).then().statusCode(404).contentType(PROBLEM_JSON);
        assertThat(surveysStored(number)).isZero();
    }

    @Test
    void fieldEngineerMayNotRateHisOwnWork() {
        // given
        String number = ticketIn("CUSTOMER_CONFIRMED");

        // when
        Response response = survey(engineer, number, scores(5));

        // then
        response.then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void storedSurveyCannotBeChangedOrDeletedEvenWithDirectSql() {
        // given
        String number = ticketIn("CLOSED");
        survey(noc, number, scores(3)).then().statusCode(201);

        // when / then
        assertThatThrownBy(() -> execute("update ticket_survey set attitude = 5 where ticket_number = ?", number))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("delete from ticket_survey where ticket_number = ?", number))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    /** Opens a ticket and walks it along the main line up to {@code status}. */
    private String ticketIn(String status) {
        String device = "STB-SV-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        IntakeResult opened = intake.accept(new MaintenanceRequest("req-" + UUID.randomUUID(), device,
                DeviceType.SET_TOP_BOX, "STB-4K-200", "stb.cpu-overheat", MaintenanceRequest.Kind.CORRECTIVE,
                Severity.MAJOR, "CPU above 85 °C for 5 minutes", now, null, null,
                List.of(Evidence.reading(now, "cpu_temp_c", 91.0))));
        String number = opened.ticketNumber();
        List<String> line = List.of("ACKNOWLEDGED", "SCHEDULED", "ON_SITE", "RESOLVED", "CUSTOMER_CONFIRMED", "CLOSED");
        for (String to : line.subList(0, line.indexOf(status) + 1)) {
            if (to.equals("SCHEDULED")) {
                as(manager).contentType(ContentType.JSON)
                        .body(Map.of("engineer", engineer, "from", now.plusSeconds(3600).toString(),
                                "to", now.plusSeconds(7200).toString()))
                        .put("/api/tickets/{number}/assignment", number).then().statusCode(200);
            }
            Map<String, Object> body = switch (to) {
                case "RESOLVED" -> Map.of("to", to, "remoteResolution", Map.of("method", "REMOTE_COMMAND",
                        "workDone", "REBOOT command completed, CPU back to 60 °C"));
                case "CUSTOMER_CONFIRMED" -> Map.of("to", to, "confirmation", Map.of("method", "CALL",
                        "contact", "Ms Zhao"));
                default -> Map.of("to", to);
            };
            as(manager).contentType(ContentType.JSON).body(body)
                    .post("/api/tickets/{number}/transitions", number).then().statusCode(200);
        }
        return number;
    }

    private static Map<String, Object> scores(int each) {
        return Map.of("attitude", each, "skill", each, "punctuality", each, "result", each);
    }

    private Response survey(String username, String number, Map<String, ?> body) {
        return as(username).contentType(ContentType.JSON).body(body).post("/api/tickets/{number}/survey", number);
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }

    private int surveysStored(String number) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from ticket_survey where ticket_number = ?")) {
            s.setString(1, number);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void execute(String sql, String number) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, number);
            s.executeUpdate();
        }
    }
}
