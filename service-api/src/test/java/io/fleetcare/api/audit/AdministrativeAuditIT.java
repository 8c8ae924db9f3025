package io.fleetcare.api.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestGrants;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 part C, point 3: the administrative acts leave an audit entry — creating an account, every step of a
 * grant (request, approval, refusal, revocation), a purge (also one that finds nothing to delete) and every read of
 * the audit trail itself. Point 4 on the running service: the password rule counts real characters.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AdministrativeAuditIT {

    private static final String KEY = "\uD83D\uDD11"; // one code point, two UTF-16 units

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    private String manager;

    @BeforeEach
    void accounts() {
        manager = TestAccounts.ensure(accountService, accounts, "adm-audit-manager", Role.SERVICE_MANAGER);
    }

    @Test
    void creatingAnAccountIsAudited() {
        // given
        String username = "adm-new-" + UUID.randomUUID().toString().substring(0, 8);

        // when
        admin().contentType(ContentType.JSON).body(Map.of("username", username, "password", "a long enough secret",
                "roles", List.of("FIELD_ENGINEER"))).post("/api/accounts").then().statusCode(201);

        // then
        List<Map<String, Object>> entries = entries("subjectType", "ACCOUNT", "subjectId", username);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0)).containsEntry("action", "WRITE").containsEntry("actor", TestAccounts.ADMIN_USERNAME)
                .containsEntry("endpoint", "POST /api/accounts");
    }

    @Test
    void everyStepOfAGrantIsAuditedAndARevokedGrantShowsNothingMore() {
        // given
        long customer = customer();
        long grant = TestGrants.approved(manager, customer);
        long refused = TestGrants.requested(manager, customer, 10);
        TestAccounts.asTopManager().post("/api/grants/" + refused + "/refusal").then().statusCode(200);
        as(manager).get("/api/customers/" + customer).then().statusCode(200)
                .body("grantId", Matchers.equalTo((int) grant));

        // when
        JsonPath revoked = admin().contentType(ContentType.JSON).body(Map.of("reason", "visit cancelled"))
                .post("/api/grants/" + grant + "/revocation").then().statusCode(200).extract().jsonPath();

        // then
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(revoked.getString("ended.by")).isEqualTo(TestAccounts.ADMIN_USERNAME);
        as(manager).get("/api/customers/" + customer).then().statusCode(200)
                .body("classOneWithheld", Matchers.equalTo(true));
        assertThat(entries("grantId", Long.toString(grant))).extracting(e -> e.get("action"))
                .contains("GRANT_REQUESTED", "GRANT_APPROVED", "READ", "GRANT_REVOKED");
        assertThat(entries("grantId", Long.toString(refused))).extracting(e -> e.get("action"))
                .contains("GRANT_REQUESTED", "GRANT_REFUSED");
        admin().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/grants/" + grant + "/revocation").then().statusCode(409)
                .contentType("application/problem+json").body("detail", Matchers.containsString("REVOKED"));
        admin().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/grants/" + refused + "/revocation").then().statusCode(409);
        as(manager).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/grants/" + grant + "/revocation").then().statusCode(403);
    }

    @Test
    void aPurgeIsAuditedEvenWhenNothingIsPastRetention() {
        // given
        String reason = "yearly purge " + UUID.randomUUID();

        // when
        admin().contentType(ContentType.JSON).body(Map.of("reason", reason)).post("/api/archive/purge").then()
                .statusCode(200);

        // then
        assertThat(entries("action", "PURGE", "subjectType", "AUDIT_ENTRY"))
                .filteredOn(e -> String.valueOf(e.get("detail")).contains(reason)).hasSize(1);
    }

    @Test
    void readingTheAuditTrailIsItselfAudited() {
        // given
        String marker = "adm-nobody-" + UUID.randomUUID();

        // when
        admin().queryParam("actor", marker).get("/api/audit").then().statusCode(200);

        // then
        List<Map<String, Object>> reads = entries("action", "READ", "subjectType", "AUDIT_ENTRY");
        assertThat(reads).filteredOn(e -> String.valueOf(e.get("detail")).contains(marker)).hasSize(1)
                .allSatisfy(e -> assertThat(e).containsEntry("actor", TestAccounts.ADMIN_USERNAME)
                        .containsEntry("endpoint", "GET /api/audit"));
    }

    @Test
    void aPasswordOfElevenSpacesAndAnXIsRefusedWithAProblemThatSaysWhy() {
        // given
        String username = "adm-pw-" + UUID.randomUUID().toString().substring(0, 8);

        // when / then
        for (String password : List.of("           x", "  short pass  ", KEY.repeat(6))) {
            admin().contentType(ContentType.JSON).body(Map.of("username", username, "password", password,
                    "roles", List.of("NOC_OPERATOR"))).post("/api/accounts").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", Matchers.containsString("12-200 characters"));
        }
        assertThat(entries("subjectType", "ACCOUNT", "subjectId", username)).isEmpty();
        admin().contentType(ContentType.JSON).body(Map.of("username", username, "password", KEY.repeat(12),
                "roles", List.of("NOC_OPERATOR"))).post("/api/accounts").then().statusCode(201);
    }

    private long customer() {
        return as(manager).contentType(ContentType.JSON).body(Map.of("name", "Audit Co " + UUID.randomUUID(),
                "tier", "B", "kind", "BUSINESS", "address", "Dock 4", "contacts", List.of(Map.of("name", "Ms Li",
                        "phone", "+86 21 0000 1111")))).post("/api/customers").then().statusCode(201).extract()
                .jsonPath().getLong("customerId");
    }

    private static List<Map<String, Object>> entries(String... filter) {
        RequestSpecification request = admin().queryParam("limit", 1000);
        for (int i = 0; i < filter.length; i += 2) {
            request = request.queryParam(filter[i], filter[i + 1]);
        }
        return request.get("/api/audit").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
