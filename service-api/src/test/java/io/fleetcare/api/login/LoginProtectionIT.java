package io.fleetcare.api.login;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.web.BrowserChallenge;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Brute force against HTTP Basic and the login form is throttled, not locked, as docs/security/README.md ("Sign-in")
 * says, and the audit trail grows by a bounded number of rows. Sources are named by {@code X-Forwarded-For} (the test
 * profile trusts it from 127.0.0.1).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LoginProtectionIT {

    private static final Pattern REFUSALS = Pattern.compile("refusals=(\\d+)");

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    LoginGuard guard;

    @TestHTTPResource("/api/tickets")
    URI tickets;

    /** Requests the hammer keeps in flight at once. */
    private static final int HAMMER_IN_FLIGHT = 16;

    @Test
    void tenThousandWrongPasswordsAddAtMostTwoAuditRowsPerWindowAndTheRightPersonSignsInFromElsewhere()
            throws Exception {
        // given
        String victim = TestAccounts.ensure(accountService, accounts, "login-victim", Role.FIELD_ENGINEER);
        String attacker = "203.0.113.66";

        // when
        long started = System.nanoTime();
        Map<Integer, AtomicInteger> statuses = hammer(victim, attacker, 10_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        int fromElsewhere = basic(victim, TestAccounts.passwordOf(victim), "198.51.100.10").statusCode();
        Response rightPasswordFromTheAttackersAddress = basic(victim, TestAccounts.passwordOf(victim), attacker);
        guard.auditEndedWindows(Instant.now().plus(Duration.ofDays(1)));

        // then
        assertThat(fromElsewhere).isEqualTo(200);
        assertThat(rightPasswordFromTheAttackersAddress.statusCode()).isEqualTo(429);
        assertThat(statuses.keySet()).containsOnly(401, 429);
        // checked (401): the 5 free failures, the attempts already in flight when the first wait began (at most the
        // hammer's 16), then one per wait that ran out: waits of 1, 2, 4, ... s admit at most log2(t + 1) + 1 in t s
        int checkedAtMost = 5 + HAMMER_IN_FLIGHT + (int) Math.floor(Math.log(seconds + 1) / Math.log(2)) + 1;
        assertThat(statuses.get(401).get()).as("checked in %.1f s", seconds).isBetween(5, checkedAtMost);
        assertThat(statuses.get(429).get()).isEqualTo(10_000 - statuses.get(401).get());

        List<Map<String, Object>> entries = audit(victim).jsonPath().getList("$");
        List<Map<String, Object>> fromAttacker = entries.stream()
                .filter(e -> attacker.equals(e.get("remoteAddress"))).toList();
        // the test runs in at most two 15-minute windows: two rows each at most
        assertThat(fromAttacker).hasSizeBetween(2, 4)
                .allSatisfy(e -> assertThat(e.get("action")).isIn("LOGIN_FAILED", "LOGIN_LOCKED"));
        int counted = 0;
        for (Map<String, Object> e : fromAttacker) {
            Matcher m = REFUSALS.matcher((String) e.get("detail"));
            counted += m.find() ? Integer.parseInt(m.group(1)) : 1;
        }
        // the 10,000 wrong passwords and the right password that came too early
        assertThat(counted).isEqualTo(10_000 + 1);
        assertThat(fromAttacker).filteredOn(e -> "LOGIN_FAILED".equals(e.get("action")))
                .allSatisfy(e -> assertThat(e.get("endpoint")).isEqualTo("GET /api/tickets"));
        assertThat(entries).filteredOn(e -> "LOGIN".equals(e.get("action")))
                .extracting(e -> e.get("remoteAddress")).containsExactly("198.51.100.10");
    }

    @Test
    void anAttemptThatComesTooEarlyIsAnswered429WithRetryAfterAndTheWrongPasswordBeforeIt401WithRetryAfter() {
        // given
        String user = TestAccounts.ensure(accountService, accounts, "login-early", Role.NOC_OPERATOR);
        for (int i = 0; i < 5; i++) {
            Response free = basic(user, "guess-" + i, "203.0.113.70");
            assertThat(free.statusCode()).isEqualTo(401);
            assertThat(free.header("Retry-After")).isNull();
        }

        // when
        Response sixth = basic(user, "guess-6", "203.0.113.70");
        Response seventh = basic(user, "guess-7", "203.0.113.70");

        // then
        assertThat(sixth.statusCode()).isEqualTo(401);
        assertThat(sixth.header("Retry-After")).isEqualTo("1");
        assertThat(sixth.header("WWW-Authenticate")).startsWith("basic");
        assertThat(seventh.statusCode()).isEqualTo(429);
        assertThat(seventh.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void theLoginFormIsThrottledLikeHttpBasic() {
        // given
        String user = TestAccounts.ensure(accountService, accounts, "login-form", Role.NOC_OPERATOR);
        for (int i = 0; i < 6; i++) {
            assertThat(form(user, "guess-" + i, "203.0.113.71").statusCode()).isEqualTo(401);
        }

        // when
        Response tooEarly = form(user, TestAccounts.passwordOf(user), "203.0.113.71");
        Response elsewhere = form(user, TestAccounts.passwordOf(user), "198.51.100.71");

        // then
        assertThat(tooEarly.statusCode()).isEqualTo(429);
        assertThat(tooEarly.header("Retry-After")).isNotNull();
        assertThat(tooEarly.cookie("quarkus-credential")).isNull();
        assertThat(elsewhere.statusCode()).as("to the landing page").isEqualTo(302);
        assertThat(elsewhere.cookie("quarkus-credential")).isNotNull();
    }

    @Test
    void guessesFromManyAddressesDelayNewAddressesButNotTheOneThePersonSignedInFromBefore() {
        // given
        String victim = TestAccounts.ensure(accountService, accounts, "login-spread", Role.NOC_OPERATOR);
        basic(victim, TestAccounts.passwordOf(victim), "198.51.100.80").then().statusCode(200);
        for (int i = 1; i <= 21; i++) {
            basic(victim, "guess", "203.0.113." + (100 + i)).then().statusCode(401);
        }

        // when
        int newAddress = basic(victim, TestAccounts.passwordOf(victim), "203.0.113.200").statusCode();
        int knownAddress = basic(victim, TestAccounts.passwordOf(victim), "198.51.100.80").statusCode();

        // then
        assertThat(newAddress).isEqualTo(429);
        assertThat(knownAddress).isEqualTo(200);
    }

    @Test
    void unknownUsernamesAreThrottledLikeKnownOnes() {
        // given
        String nobody = "nobody-" + System.nanoTime();
        for (int i = 0; i < 6; i++) {
            basic(nobody, "guess", "203.0.113.72").then().statusCode(401);
        }

        // when
        int status = basic(nobody, "guess", "203.0.113.72").statusCode();
        guard.auditEndedWindows(Instant.now().plus(Duration.ofDays(1)));

        // then
        assertThat(status).isEqualTo(429);
        assertThat(audit(nobody).jsonPath().getList("action")).containsExactly("LOGIN_LOCKED", "LOGIN_FAILED");
        assertThat(audit(nobody).jsonPath().getString("[0].detail")).startsWith("refusals=6 (wrong password 5, too early 1)");
    }

    @Test
    void aSignInSessionIsAuditedOnceNotOnEveryRequest() {
        // given
        String user = TestAccounts.ensure(accountService, accounts, "login-busy", Role.NOC_OPERATOR);

        // when
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic(user, TestAccounts.passwordOf(user)).get("/api/tickets").then()
                    .statusCode(200);
        }

        // then
        assertThat(audit(user).jsonPath().getList("action")).containsExactly("LOGIN");
    }

    /** Sends {@code n} wrong passwords, 16 at a time, and counts the answers by status. */
    private Map<Integer, AtomicInteger> hammer(String username, String source, int n) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger withoutRetryAfter = new AtomicInteger();
        Semaphore inFlight = new Semaphore(HAMMER_IN_FLIGHT);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        String credentials = Base64.getEncoder().encodeToString((username + ":wrong").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            sent.add(http.sendAsync(HttpRequest.newBuilder(tickets).header("Authorization", "Basic " + credentials)
                    .header("X-Forwarded-For", source).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        if (r != null) {
                            statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                            if (r.statusCode() == 429 && r.headers().firstValue("Retry-After").isEmpty()) {
                                withoutRetryAfter.incrementAndGet();
                            }
                        }
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        assertThat(withoutRetryAfter).hasValue(0);
        return statuses;
    }

    private static Response basic(String username, String password, String source) {
        return given().auth().preemptive().basic(username, password).header("X-Forwarded-For", source)
                .get("/api/tickets");
    }

    private static Response form(String username, String password, String source) {
        return given().redirects().follow(false).header(BrowserChallenge.UI_HEADER, "1")
                .header("X-Forwarded-For", source).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
    }

    private static Response audit(String actor) {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD)
                .queryParam("actor", actor).queryParam("subjectType", "ACCOUNT").queryParam("limit", 1000)
                .get("/api/audit").then().statusCode(200).extract().response();
    }
}
