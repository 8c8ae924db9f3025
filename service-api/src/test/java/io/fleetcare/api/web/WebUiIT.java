package io.fleetcare.api.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web UI's server side: form login and session, the admin page guard, static files, fleet counters, accounts. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebUiIT {

    private static final String ENGINEER = "web-eng";
    private static final String ADMIN = TestAccounts.ADMIN_USERNAME;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(accountService, accounts, ENGINEER, Role.FIELD_ENGINEER);
    }

    @Test
    void theLoginFormSetsASessionCookieThatSignsInTheApi() {
        // when
        Response login = signIn(ENGINEER, TestAccounts.passwordOf(ENGINEER));

        // then
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/ui/");
        String cookie = login.cookie("quarkus-credential");
        assertThat(cookie).isNotBlank();
        assertThat(login.header("Set-Cookie")).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        JsonPath session = given().cookie("quarkus-credential", cookie).get("/api/session")
                .then().statusCode(200).extract().jsonPath();
        assertThat(session.getBoolean("authenticated")).isTrue();
        assertThat(session.getString("username")).isEqualTo(ENGINEER);
        assertThat(session.getList("roles")).containsExactly("FIELD_ENGINEER");
        given().cookie("quarkus-credential", cookie).get("/api/tickets").then().statusCode(200);
    }

    @Test
    void aWrongPasswordFromTheLoginPageGetsABare401WithoutCookie() {
        // when
        Response login = given().redirects().follow(false).header(BrowserChallenge.UI_HEADER, "1")
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", ENGINEER).formParam("j_password", "not-the-password-1")
                .post("/j_security_check");

        // then
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.header("WWW-Authenticate")).isNull();
        assertThat(login.cookie("quarkus-credential")).isNull();
    }

    @Test
    void theUisOwnCallsAreNeverAskedForBasicSoTheBrowserShowsNoDialog() {
        // when / then
        given().header(BrowserChallenge.UI_HEADER, "1").get("/api/tickets").then().statusCode(401)
                .header("WWW-Authenticate", (String) null);
        given().header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "cors")
                .get("/api/alerts/stream").then().statusCode(401).header("WWW-Authenticate", (String) null);
        given().header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "cors")
                .get("/api/alerts").then().statusCode(401).header("WWW-Authenticate", containsString("basic"));
        given().redirects().follow(false).get("/ui/admin.html").then().statusCode(302)
                .header("Location", containsString("/ui/login.html"));
    }

    @Test
    void anAnonymousVisitorIsToldItIsNotSignedInAndApiCallsStillChallengeBasic() {
        // when / then
        JsonPath session = given().get("/api/session").then().statusCode(200).extract().jsonPath();
        assertThat(session.getBoolean("authenticated")).isFalse();
        assertThat(session.getList("roles")).isEmpty();
        given().get("/api/tickets").then().statusCode(401)
                .header("WWW-Authenticate", containsString("realm=\"fleetcare\""));
    }

    @Test
    void signingOutExpiresTheSessionCookie() {
        // given
        String cookie = signIn(ENGINEER, TestAccounts.passwordOf(ENGINEER)).cookie("quarkus-credential");
        String csrf = given().cookie("quarkus-credential", cookie).get("/api/session").then().statusCode(200)
                .extract().jsonPath().getString("csrfToken");

        // when
        Response out = given().cookie("quarkus-credential", cookie).cookie(CsrfProtection.COOKIE, csrf)
                .header(CsrfProtection.HEADER, csrf).delete("/api/session");

        // then
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().getValues("Set-Cookie")).as("both the session and the CSRF cookie expired")
                .anySatisfy(c -> assertThat(c).startsWith("quarkus-credential=").containsIgnoringCase("Max-Age=0"))
                .anySatisfy(c -> assertThat(c).startsWith(CsrfProtection.COOKIE + "=").containsIgnoringCase("Max-Age=0"));
    }

    @Test
    void theAdministrationPageIsRefusedToAnEngineerAndServedToTheAdministrator() {
        // given
        String engineer = signIn(ENGINEER, TestAccounts.passwordOf(ENGINEER)).cookie("quarkus-credential");
        String admin = signIn(ADMIN, TestAccounts.ADMIN_PASSWORD).cookie("quarkus-credential");

        // when / then
        given().cookie("quarkus-credential", engineer).get("/ui/admin.html").then().statusCode(403);
        given().cookie("quarkus-credential", engineer).get("/ui/js/admin.js").then().statusCode(403);
        given().cookie("quarkus-credential", engineer).get("/api/accounts").then().statusCode(403);
        given().cookie("quarkus-credential", admin).get("/ui/admin.html").then().statusCode(200)
                .body(containsString("Administration"));
    }

    @Test
    void thePagesAndTheChartLibraryAreServedByTheServiceItself() {
        for (String page : List.of("/ui/", "/ui/login.html", "/ui/device.html", "/ui/tickets.html", "/ui/ticket.html",
                "/ui/kpi.html", "/ui/js/app.js", "/ui/css/app.css")) {
            given().get(page).then().statusCode(200);
        }
        given().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200)
                .body(containsString("Chart"));
    }

    @Test
    void theAdministratorCreatesAnAccountThatCanSignIn() {
        // given
        String username = "web-noc-" + UUID.randomUUID().toString().substring(0, 8);

        // when
        given().auth().preemptive().basic(ADMIN, TestAccounts.ADMIN_PASSWORD).contentType("application/json")
                .body(Map.of("username", username, "password", "a-long-password-1", "roles", List.of("NOC_OPERATOR")))
                .post("/api/accounts").then().statusCode(201);

        // then
        List<Map<String, Object>> listed = given().auth().preemptive().basic(ADMIN, TestAccounts.ADMIN_PASSWORD)
                .get("/api/accounts").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(listed).anySatisfy(a -> {
            assertThat(a.get("username")).isEqualTo(username);
            assertThat(a.get("roles")).isEqualTo(List.of("NOC_OPERATOR"));
            assertThat(a).doesNotContainKey("passwordHash");
        });
        given().auth().preemptive().basic(username, "a-long-password-1").get("/api/alerts").then().statusCode(200);
        given().auth().preemptive().basic(ADMIN, TestAccounts.ADMIN_PASSWORD).contentType("application/json")
                .body(Map.of("username", username, "password", "a-long-password-1", "roles", List.of("NOC_OPERATOR")))
                .post("/api/accounts").then().statusCode(409);
        given().auth().preemptive().basic(ADMIN, TestAccounts.ADMIN_PASSWORD).contentType("application/json")
                .body(Map.of("username", username + "x", "password", "a-long-password-1", "roles", List.of("KING")))
                .post("/api/accounts").then().statusCode(400);
        given().auth().preemptive().basic(ADMIN, TestAccounts.ADMIN_PASSWORD).contentType("application/json")
                .body(Map.of("username", username + "y", "password", "short", "roles", List.of("ADMIN")))
                .post("/api/accounts").then().statusCode(400);
    }

    @Test
    void fleetCountersPutEachDeviceInOnlineOfflineOrFaulted() throws SQLException {
        // given
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> before = energyMeterCounters();
        createDeviceStateTable();
        Instant now = Instant.now();
        heardFrom("web-em-online-" + suffix, now.minusSeconds(10));
        heardFrom("web-em-faulted-" + suffix, now.minusSeconds(10));
        heardFrom("web-em-offline-" + suffix, now.minus(Duration.ofHours(2)));
        raiseAlert("web-em-faulted-" + suffix);

        // when
        Map<String, Long> after = energyMeterCounters();

        // then
        assertThat(after.get("online") - before.get("online")).isEqualTo(1);
        assertThat(after.get("faulted") - before.get("faulted")).isEqualTo(1);
        assertThat(after.get("offline") - before.get("offline")).isEqualTo(1);
        assertThat(after.get("total") - before.get("total")).isEqualTo(3);
    }

    private static Map<String, Long> energyMeterCounters() {
        JsonPath counters = given().auth().preemptive().basic(ADMIN, TestAccounts.ADMIN_PASSWORD)
                .get("/api/fleet/counters").then().statusCode(200).extract().jsonPath();
        assertThat(counters.getList("kinds.deviceType")).containsExactly("EV_CHARGER", "SET_TOP_BOX", "ENERGY_METER");
        Map<String, Object> meters = counters.getMap("kinds.find { it.deviceType == 'ENERGY_METER' }");
        return Map.of("online", ((Number) meters.get("online")).longValue(),
                "offline", ((Number) meters.get("offline")).longValue(),
                "faulted", ((Number) meters.get("faulted")).longValue(),
                "total", ((Number) meters.get("total")).longValue());
    }

    private Response signIn(String username, String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
    }

    private void createDeviceStateTable() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS telemetry");
            st.execute("""
                    CREATE TABLE IF NOT EXISTS telemetry.device_state (
                        device_id text PRIMARY KEY, device_type text NOT NULL, model text,
                        last_seen timestamptz NOT NULL, last_kind text NOT NULL, last_metrics jsonb,
                        metrics_at timestamptz, last_status jsonb, status_at timestamptz,
                        updated_at timestamptz NOT NULL DEFAULT now())""");
        }
    }

    private void heardFrom(String deviceId, Instant lastSeen) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO telemetry.device_state (device_id, device_type, last_seen, last_kind) "
                        + "VALUES (?, 'ENERGY_METER', ?, 'METRICS')")) {
            st.setString(1, deviceId);
            st.setTimestamp(2, Timestamp.from(lastSeen));
            st.executeUpdate();
        }
    }

    private void raiseAlert(String deviceId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO alert (alert_id, device_id, device_type, rule_id, severity, state, episode_start, raised_at,
                                   message, last_change_at, received_at)
                VALUES (?, ?, 'ENERGY_METER', 'meter.test', 'MAJOR', 'RAISED', now(), now(), 'test', now(), now())""")) {
            st.setString(1, "web-" + UUID.randomUUID());
            st.setString(2, deviceId);
            st.executeUpdate();
        }
    }
}
