package io.fleetcare.api.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * API tokens for machine clients (issue 21, acceptance 2): issued by an administrator with a name, roles and an
 * expiry, used as {@code Authorization: Bearer}, listed with their last use, revoked (refused at once), expired
 * (refused), and stored only as a SHA-256 hash.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApiTokensIT {

    @Inject
    DataSource dataSource;

    @Test
    void anIssuedTokenSignsAMachineClientInWithItsRolesOnlyAndOnlyItsHashIsStored() throws SQLException {
        // given
        String name = uniqueName("crm");

        // when
        JsonPath issued = issue(name, List.of("NOC_OPERATOR"), Instant.now().plus(Duration.ofDays(30)))
                .then().statusCode(201).header("Location", Matchers.containsString("/api/tokens/")).extract().jsonPath();

        // then
        String token = issued.getString("token");
        long id = issued.getLong("stored.tokenId");
        assertThat(token).startsWith("fct_").hasSize(47);
        assertThat(issued.getString("stored.status")).isEqualTo("ACTIVE");
        assertThat(issued.getList("stored.roles")).containsExactly("NOC_OPERATOR");
        assertThat(issued.getString("stored.issuedBy")).isEqualTo(TestAccounts.ADMIN_USERNAME);
        bearer(token).get("/api/tickets").then().statusCode(200);
        bearer(token).get("/api/accounts").then().statusCode(403).contentType("application/problem+json");
        bearer(token).get("/api/session").then().statusCode(200).body("username", Matchers.equalTo("token:" + name))
                .body("roles", Matchers.contains("NOC_OPERATOR"));
        String listed = admin().get("/api/tokens").then().statusCode(200).extract().asString();
        assertThat(listed).contains(name).contains(token.substring(0, 10)).doesNotContain(token);
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT * FROM api_token WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes("secret_hash")).isEqualTo(TokenSecret.hash(token));
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    assertThat(String.valueOf(row.getObject(column))).as("column %d", column)
                            .doesNotContain(token.substring(TokenSecret.PREFIX.length()));
                }
            }
        }
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        // given
        JsonPath issued = issue(uniqueName("report"), List.of("SERVICE_MANAGER"), Instant.now().plus(Duration.ofDays(1)))
                .then().statusCode(201).extract().jsonPath();
        String token = issued.getString("token");
        long id = issued.getLong("stored.tokenId");
        bearer(token).get("/api/customers").then().statusCode(200);

        // when
        JsonPath revoked = admin().post("/api/tokens/" + id + "/revocation").then().statusCode(200).extract().jsonPath();

        // then
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(revoked.getString("revokedBy")).isEqualTo(TestAccounts.ADMIN_USERNAME);
        bearer(token).get("/api/customers").then().statusCode(401)
                .contentType("application/problem+json");
        admin().post("/api/tokens/" + id + "/revocation").then().statusCode(200).body("status",
                Matchers.equalTo("REVOKED"));
        List<String> audited = admin().queryParam("subjectType", "API_TOKEN").queryParam("subjectId", id)
                .get("/api/audit").then().statusCode(200).extract().jsonPath().getList("detail");
        assertThat(audited).hasSize(2).anySatisfy(d -> assertThat(d).startsWith("issued API token"))
                .anySatisfy(d -> assertThat(d).startsWith("revoked API token"));
    }

    @Test
    void aTokenIsRefusedFromItsExpiryOn() {
        // given
        String token = issue(uniqueName("short"), List.of("FIELD_ENGINEER"), Instant.now().plusSeconds(3))
                .then().statusCode(201).extract().jsonPath().getString("token");
        bearer(token).get("/api/repairs").then().statusCode(200);

        // when / then
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> bearer(token).get("/api/repairs").statusCode() == 401);
        assertThat(admin().get("/api/tokens").then().statusCode(200).extract().jsonPath()
                .getString("find { it.hint == '" + token.substring(0, 10) + "' }.status")).isEqualTo("EXPIRED");
    }

    @Test
    void theListShowsTheLastUseWrittenAtMostOnceAMinute() {
        // given
        JsonPath issued = issue(uniqueName("sync"), List.of("NOC_OPERATOR"), Instant.now().plus(Duration.ofDays(1)))
                .then().statusCode(201).extract().jsonPath();
        String token = issued.getString("token");
        long id = issued.getLong("stored.tokenId");
        assertThat(admin().get("/api/tokens/" + id).then().statusCode(200).extract().jsonPath()
                .getString("lastUsedAt")).isNull();

        // when
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        bearer(token).get("/api/alerts").then().statusCode(200);
        String first = admin().get("/api/tokens/" + id).then().extract().jsonPath().getString("lastUsedAt");
        for (int i = 0; i < 5; i++) {
            bearer(token).get("/api/alerts").then().statusCode(200);
        }

        // then
        assertThat(first).isNotNull();
        assertThat(Instant.parse(first)).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(admin().get("/api/tokens/" + id).then().extract().jsonPath().getString("lastUsedAt"))
                .as("not written again within the minute").isEqualTo(first);
    }

    @Test
    void wrongTokensTopManagerTokensAndExpiriesOutOfRangeAreRefused() {
        // when / then
        bearer("fct_" + "A".repeat(43)).get("/api/tickets").then().statusCode(401)
                .contentType("application/problem+json");
        bearer("not-a-token").get("/api/tickets").then().statusCode(401);
        issue(uniqueName("boss"), List.of("TOP_MANAGER"), Instant.now().plus(Duration.ofDays(1))).then()
                .statusCode(400).body("detail", Matchers.containsString("TOP_MANAGER"));
        issue(uniqueName("past"), List.of("NOC_OPERATOR"), Instant.now().minusSeconds(60)).then().statusCode(400);
        issue(uniqueName("far"), List.of("NOC_OPERATOR"), Instant.now().plus(Duration.ofDays(400))).then()
                .statusCode(400);
        issue(uniqueName("king"), List.of("KING"), Instant.now().plus(Duration.ofDays(1))).then().statusCode(400);
        admin().get("/api/tokens/999999999").then().statusCode(404);
    }

    private static io.restassured.response.Response issue(String name, List<String> roles, Instant expiresAt) {
        return admin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "roles", roles, "expiresAt", expiresAt.toString()))
                .post("/api/tokens");
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
