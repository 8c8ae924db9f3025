package io.fleetcare.api.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may read tickets, and how the API answers when it cannot: RFC 9457 problem details, nothing internal. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TicketApiAccessIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Test
    void anonymousRequestIsAnswered401WithABasicChallengeAndAProblem() {
        // when
        Response response = given().get("/api/tickets");

        // then
        response.then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWithIgnoringCase("basic realm=\"fleetcare\""));
        assertProblem(response, 401, "/api/tickets");
    }

    @Test
    void wrongPasswordIsAnswered401() {
        // when
        Response response = given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, "not-the-password")
                .get("/api/tickets");

        // then
        response.then().statusCode(401).contentType(PROBLEM_JSON);
        assertProblem(response, 401, "/api/tickets");
    }

    @Test
    void unknownAccountIsAnsweredLikeAWrongPassword() {
        // when
        Response unknown = given().auth().preemptive().basic("nobody-" + System.nanoTime(), "whatever")
                .get("/api/tickets");

        // then
        unknown.then().statusCode(401).contentType(PROBLEM_JSON);
        assertThat(unknown.jsonPath().getString("detail")).isEqualTo(
                given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, "not-the-password")
                        .get("/api/tickets").jsonPath().getString("detail"));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleThatWorksCasesMayReadTicketsAndTheTopManagerMayNot(Role role) {
        // given
        String username = "it-" + role.name().toLowerCase(Locale.ROOT);
        String password = "pw-" + role.name().toLowerCase(Locale.ROOT) + "-123456";
        if (accounts.findByUsername(username).isEmpty()) {
            accountService.create(username, password, EnumSet.of(role));
        }

        // when / then
        given().auth().preemptive().basic(username, password)
                .get("/api/tickets")
                .then().statusCode(role == Role.TOP_MANAGER ? 403 : 200);
    }

    @Test
    void unknownTicketIsAnswered404WithAProblemAndNoInternals() {
        // when
        Response response = given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD)
                .get("/api/tickets/TK-1999-999999");

        // then
        response.then().statusCode(404).contentType(PROBLEM_JSON);
        JsonPath problem = assertProblem(response, 404, "/api/tickets/TK-1999-999999");
        assertThat(problem.getString("type")).isEqualTo("urn:fleetcare:problem:ticket-not-found");
        assertThat(problem.getString("title")).isEqualTo("Ticket not found");
        assertThat(problem.getString("detail")).contains("TK-1999-999999");
    }

    @Test
    void unknownStatusFilterIsAnswered400WithAProblem() {
        // when
        Response response = given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD)
                .queryParam("status", "SOLVED")
                .get("/api/tickets");

        // then
        response.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(assertProblem(response, 400, "/api/tickets").getString("detail")).contains("REGISTERED");
    }

    @Test
    void outOfRangeLimitIsAnswered400WithAProblem() {
        // when
        Response response = given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD)
                .queryParam("limit", 0)
                .get("/api/tickets");

        // then
        response.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(assertProblem(response, 400, "/api/tickets").getString("detail")).startsWith("limit ");
    }

    @Test
    void healthAndMetricsAreOpenWithoutCredentials() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("fleetcare_maintenance_requests_total"));
    }

    /** Checks the RFC 9457 members and that nothing internal leaks; returns the problem. */
    private static JsonPath assertProblem(Response response, int status, String path) {
        String body = response.asString();
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.fleetcare")
                .doesNotContain("io.quarkus").doesNotContain("java.");
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("type")).isNotBlank();
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("instance")).isEqualTo(path);
        return problem;
    }
}
