package io.fleetcare.api.web;

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
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CSRF tokens on the web UI's state-changing calls and the UI's security headers (issue 21, acceptance 5): a call
 * signed in by the session cookie without the session's token is refused (403), with it admitted; HTTP Basic clients
 * are not asked for one; the UI's pages carry CSP and frame options.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CsrfIT {

    private static final String MANAGER = "csrf-manager";
    private static final String SESSION = "quarkus-credential";

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(accountService, accounts, MANAGER, Role.SERVICE_MANAGER);
    }

    @Test
    void aStateChangingCallOfTheWebSessionWithoutItsCsrfTokenIsRefused() {
        // given
        String session = signIn();
        Response current = given().cookie(SESSION, session).get("/api/session");
        String token = current.then().statusCode(200).extract().jsonPath().getString("csrfToken");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(current.getCookie(CsrfProtection.COOKIE)).isEqualTo(token);
        assertThat(current.getHeaders().getValues("Set-Cookie")).filteredOn(c -> c.startsWith(CsrfProtection.COOKIE))
                .singleElement().satisfies(c -> assertThat(c).containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"));

        // when / then: without the token, with a wrong one, with only the cookie (what a forged form sends)
        grantRequest(given().cookie(SESSION, session)).then().statusCode(403)
                .contentType("application/problem+json").body("type", Matchers.endsWith("csrf-token-required"));
        grantRequest(given().cookie(SESSION, session).cookie(CsrfProtection.COOKIE, token)
                .header(CsrfProtection.HEADER, token.substring(1) + "x")).then().statusCode(403);
        grantRequest(given().cookie(SESSION, session).cookie(CsrfProtection.COOKIE, token)).then().statusCode(403);
        given().cookie(SESSION, session).delete("/api/session").then().statusCode(403);

        // and with it the call goes through to the resource (which finds no such customer)
        grantRequest(given().cookie(SESSION, session).cookie(CsrfProtection.COOKIE, token)
                .header(CsrfProtection.HEADER, token)).then().statusCode(404)
                .body("type", Matchers.endsWith("customer-not-found"));
        assertThat(given().cookie(SESSION, session).cookie(CsrfProtection.COOKIE, token).get("/api/session")
                .jsonPath().getString("csrfToken")).as("kept for the session").isEqualTo(token);
    }

    @Test
    void readsOfTheWebSessionAndCallsWithHttpBasicNeedNoToken() {
        // given
        String session = signIn();

        // when / then
        given().cookie(SESSION, session).get("/api/grants").then().statusCode(200);
        grantRequest(given().auth().preemptive().basic(MANAGER, TestAccounts.passwordOf(MANAGER))).then()
                .statusCode(404).body("type", Matchers.endsWith("customer-not-found"));
    }

    @Test
    void theUiPagesCarryAContentSecurityPolicyAndRefuseFraming() {
        for (String page : new String[] {"/ui/login.html", "/ui/js/app.js"}) {
            // when
            Response answer = given().get(page);

            // then
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.header("Content-Security-Policy")).as(page).contains("default-src 'self'")
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
            assertThat(answer.header("X-Frame-Options")).as(page).isEqualTo("DENY");
            assertThat(answer.header("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
        }
        String signedIn = signIn();
        assertThat(given().cookie(SESSION, signedIn).get("/ui/").header("Content-Security-Policy"))
                .contains("frame-ancestors 'none'");
        assertThat(given().get("/ui/login.html").asString()).as("no inline script under script-src 'self'")
                .doesNotContain("<script>");
    }

    private static Response grantRequest(RequestSpecification caller) {
        return caller.contentType(ContentType.JSON)
                .body(Map.of("customerId", 999_999_999L, "reason", "csrf check", "durationMinutes", 10))
                .post("/api/grants");
    }

    private static String signIn() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", MANAGER).formParam("j_password", TestAccounts.passwordOf(MANAGER))
                .post("/j_security_check").then().statusCode(302).extract().cookie(SESSION);
    }
}
