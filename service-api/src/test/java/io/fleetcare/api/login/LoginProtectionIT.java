package io.fleetcare.api.login;

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
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Brute force against HTTP Basic is locked out as docs/security/README.md ("Sign-in") says, and every attempt is audited. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LoginProtectionIT {

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    DataSource dataSource;

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedUntilTheLockIsOver() throws SQLException {
        // given
        String victim = TestAccounts.ensure(accountService, accounts, "login-victim", Role.FIELD_ENGINEER);
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(victim, "guess-" + i).get("/api/tickets").then().statusCode(401);
        }

        // when
        int whileLocked = given().auth().preemptive().basic(victim, TestAccounts.passwordOf(victim))
                .get("/api/tickets").statusCode();
        unlock(victim);
        int afterTheLock = given().auth().preemptive().basic(victim, TestAccounts.passwordOf(victim))
                .get("/api/tickets").statusCode();

        // then
        assertThat(whileLocked).isEqualTo(401);
        assertThat(afterTheLock).isEqualTo(200);
        JsonPath entries = audit(victim);
        assertThat(entries.getList("action")).containsExactly("LOGIN", "LOGIN_LOCKED", "LOGIN_FAILED", "LOGIN_FAILED",
                "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED");
        assertThat(entries.getString("[2].detail")).isEqualTo("failure 5 in a row; locked for PT1M");
        assertThat(entries.getString("[6].endpoint")).isEqualTo("GET /api/tickets");
        assertThat(entries.getString("[6].remoteAddress")).isEqualTo("127.0.0.1");
    }

    @Test
    void unknownUsernamesAreCountedAndLockedLikeKnownOnes() {
        // given
        String nobody = "nobody-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic(nobody, "guess").get("/api/tickets").then().statusCode(401);
        }

        // when
        given().auth().preemptive().basic(nobody, "guess").get("/api/tickets").then().statusCode(401);

        // then
        assertThat(audit(nobody).getList("action")).first().isEqualTo("LOGIN_LOCKED");
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
        assertThat(audit(user).getList("action")).containsExactly("LOGIN");
    }

    private void unlock(String username) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE login_guard SET locked_until = now() - interval '1 second' WHERE username = ?")) {
            st.setString(1, username);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    private static JsonPath audit(String actor) {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD)
                .queryParam("actor", actor).queryParam("subjectType", "ACCOUNT")
                .get("/api/audit").then().statusCode(200).extract().jsonPath();
    }
}
