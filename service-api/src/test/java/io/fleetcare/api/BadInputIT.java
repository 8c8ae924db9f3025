package io.fleetcare.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.alert.AlertService;
import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.Severity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input never changes anything (issue 5, acceptance 5): unknown ids, invalid enums, malformed JSON,
 * oversized bodies and injection strings get a 4xx problem with every table unchanged, or — in free-text
 * fields — are stored as the literal text they are.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BadInputIT {

    private static final List<String> TABLES = List.of("ticket", "ticket_source_request", "ticket_evidence",
            "ticket_transition", "ticket_assignment", "alert", "alert_note", "device_command", "account");
    private static final List<String> INJECTIONS = List.of("'; DROP TABLE ticket; --",
            "<script>alert(1)</script>", "\" OR 1=1 --", "${jndi:ldap://127.0.0.1/x}");
    private static final String PROBLEM_JSON = "application/problem+json";
    /** Above {@code quarkus.http.limits.max-body-size} (256K). */
    private static final String OVERSIZED_TEXT = "x".repeat(300 * 1024);

    @Inject
    DataSource dataSource;

    @Inject
    AlertService alerts;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    private String ticket;
    private String engineer;
    private String alertId;

    @BeforeEach
    void ticketAlertAndEngineer() {
        engineer = TestAccounts.ensure(accountService, accounts, "bad-input-engineer", Role.FIELD_ENGINEER);
        ticket = asAdmin().contentType(ContentType.JSON)
                .body(registration("bad-input-" + UUID.randomUUID().toString().substring(0, 8), "\"PHONE\"",
                        "\"SET_TOP_BOX\"", "\"MAJOR\"", "\"no picture\""))
                .post("/api/tickets").then().statusCode(201).extract().path("number");
        alertId = "bad-input-" + UUID.randomUUID();
        Instant now = Instant.now();
        alerts.record(new Alert(alertId, "bad-input-device", DeviceType.SET_TOP_BOX, "STB-4K-200", "cpu-overheat",
                Severity.MAJOR, Alert.State.RAISED, now, now, "CPU hot", List.of(Evidence.reading(now, "cpu_temp_c", 91.0))));
    }

    @Test
    void malformedJsonIsRefusedEverywhereAndChangesNothing() {
        String[] bodies = {"{not json", "[]", "\"text\"", "{\"to\": ", "null"};
        for (String body : bodies) {
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON).body(body).post("/api/tickets"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON).body(body)
                    .post("/api/tickets/" + ticket + "/transitions"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON).body(body)
                    .put("/api/tickets/" + ticket + "/assignment"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON).body(body)
                    .post("/api/alerts/" + alertId + "/comments"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON).body(body)
                    .post("/api/devices/bad-input-device/commands"));
        }
    }

    @Test
    void invalidEnumValuesAreRefusedAndChangeNothing() {
        assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                .body(registration("bad-enum-1", "\"PIGEON\"", "\"SET_TOP_BOX\"", "\"MAJOR\"", "\"x\""))
                .post("/api/tickets"));
        assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                .body(registration("bad-enum-2", "\"PHONE\"", "\"TOASTER\"", "\"MAJOR\"", "\"x\""))
                .post("/api/tickets"));
        assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                .body(registration("bad-enum-3", "\"PHONE\"", "\"SET_TOP_BOX\"", "\"APOCALYPTIC\"", "\"x\""))
                .post("/api/tickets"));
        assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                .body(registration("bad-enum-4", "42", "\"SET_TOP_BOX\"", "\"MAJOR\"", "\"x\""))
                .post("/api/tickets"));
        assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON).body("{\"to\":\"SOLVED\"}")
                .post("/api/tickets/" + ticket + "/transitions"));
        assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                .body("{\"command\":\"FORMAT_DISK\"}").post("/api/devices/bad-input-device/commands"));
        assertRefusedUnchanged(400, () -> asAdmin().queryParam("state", "EXPLODED").get("/api/alerts"));
        assertRefusedUnchanged(400, () -> asAdmin().queryParam("status", "SOLVED").get("/api/tickets"));
    }

    @Test
    void unknownIdsAreAnswered404AndChangeNothing() {
        String unknownTicket = "TK-1999-999998";
        String unknownAlert = "no-such-alert-" + UUID.randomUUID();
        assertRefusedUnchanged(404, () -> asAdmin().get("/api/tickets/" + unknownTicket));
        assertRefusedUnchanged(404, () -> asAdmin().contentType(ContentType.JSON).body("{\"to\":\"ACKNOWLEDGED\"}")
                .post("/api/tickets/" + unknownTicket + "/transitions"));
        assertRefusedUnchanged(404, () -> asAdmin().contentType(ContentType.JSON).body(assignment(engineer))
                .put("/api/tickets/" + unknownTicket + "/assignment"));
        assertRefusedUnchanged(404, () -> asAdmin().get("/api/alerts/" + unknownAlert));
        assertRefusedUnchanged(404, () -> asAdmin().contentType(ContentType.JSON).body("{}")
                .post("/api/alerts/" + unknownAlert + "/acknowledgement"));
        assertRefusedUnchanged(404, () -> asAdmin().contentType(ContentType.JSON).body("{\"comment\":\"hello\"}")
                .post("/api/alerts/" + unknownAlert + "/comments"));
        assertRefusedUnchanged(404, () -> asAdmin().post("/api/alerts/" + unknownAlert + "/ticket"));
        assertRefusedUnchanged(404, () -> asAdmin().get("/api/devices/bad-input-device/commands/" + UUID.randomUUID()));
        assertRefusedUnchanged(404, () -> asAdmin().get("/api/devices/bad-input-device/commands/not-a-uuid"));
    }

    @Test
    void oversizedBodiesAreAnswered413AndChangeNothing() {
        String oversizedRegistration = registration("big-body", "\"PHONE\"", "\"SET_TOP_BOX\"", "\"MAJOR\"",
                "\"" + OVERSIZED_TEXT + "\"");
        assertOversizedUnchanged(() -> asAdmin().contentType(ContentType.JSON).body(oversizedRegistration)
                .post("/api/tickets"));
        assertOversizedUnchanged(() -> asAdmin().contentType(ContentType.JSON)
                .body("{\"to\":\"ESCALATED\",\"reason\":\"" + OVERSIZED_TEXT + "\"}")
                .post("/api/tickets/" + ticket + "/transitions"));
        assertOversizedUnchanged(() -> asAdmin().contentType(ContentType.JSON)
                .body("{\"comment\":\"" + OVERSIZED_TEXT + "\"}").post("/api/alerts/" + alertId + "/comments"));
        assertOversizedUnchanged(() -> asAdmin().contentType(ContentType.JSON)
                .body("{\"command\":\"SET_CONFIG\",\"params\":{\"blob\":\"" + OVERSIZED_TEXT + "\"}}")
                .post("/api/devices/bad-input-device/commands"));
    }

    @Test
    void injectionStringsInIdentifiersAndEnumsAreRefusedAndChangeNothing() {
        for (String injection : INJECTIONS) {
            String quoted = json(injection);
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                    .body(registration(injection, "\"PHONE\"", "\"SET_TOP_BOX\"", "\"MAJOR\"", "\"x\""))
                    .post("/api/tickets"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                    .body(registration("inj-device", quoted, "\"SET_TOP_BOX\"", "\"MAJOR\"", "\"x\""))
                    .post("/api/tickets"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                    .body(registration("inj-device", "\"PHONE\"", quoted, "\"MAJOR\"", "\"x\""))
                    .post("/api/tickets"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                    .body(registration("inj-device", "\"PHONE\"", "\"SET_TOP_BOX\"", quoted, "\"x\""))
                    .post("/api/tickets"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                    .body("{\"to\":" + quoted + ",\"reason\":" + quoted + "}")
                    .post("/api/tickets/" + ticket + "/transitions"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON).body(assignment(injection))
                    .put("/api/tickets/" + ticket + "/assignment"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                    .body("{\"command\":" + quoted + "}").post("/api/devices/bad-input-device/commands"));
            assertRefusedUnchanged(400, () -> asAdmin().contentType(ContentType.JSON)
                    .body("{\"command\":\"REBOOT\"}").post("/api/devices/" + urlPath(injection) + "/commands"));
            assertRefusedUnchanged(404, () -> asAdmin().get("/api/tickets/" + urlPath(injection)));
            assertRefusedUnchanged(404, () -> asAdmin().contentType(ContentType.JSON).body("{\"comment\":\"c\"}")
                    .post("/api/alerts/" + urlPath(injection) + "/comments"));
        }
    }

    @Test
    void injectionStringsInFreeTextAreStoredAsLiteralText() {
        for (String injection : INJECTIONS) {
            // when
            Response registered = asAdmin().contentType(ContentType.JSON)
                    .body(registration("inj-" + UUID.randomUUID().toString().substring(0, 8), "\"WEB\"",
                            "\"SET_TOP_BOX\"", "\"MINOR\"", json(injection)).replace("\"model\":\"STB-4K-200\"",
                            "\"model\":" + json(injection)))
                    .post("/api/tickets");
            Response commented = asAdmin().contentType(ContentType.JSON).body("{\"comment\":" + json(injection) + "}")
                    .post("/api/alerts/" + alertId + "/comments");
            Response escalated = asAdmin().contentType(ContentType.JSON)
                    .body("{\"to\":\"ESCALATED\",\"reason\":" + json(injection) + "}")
                    .post("/api/tickets/" + registered.path("number") + "/transitions");
            Response sent = asAdmin().contentType(ContentType.JSON)
                    .body("{\"command\":\"SET_CONFIG\",\"params\":{\"note\":" + json(injection) + "}}")
                    .post("/api/devices/bad-input-device/commands");

            // then
            registered.then().statusCode(201);
            assertThat(registered.jsonPath().getString("problem")).isEqualTo(injection);
            assertThat(registered.jsonPath().getString("model")).isEqualTo(injection);
            commented.then().statusCode(200);
            assertThat(commented.asString()).contains(json(injection).substring(1, json(injection).length() - 1));
            escalated.then().statusCode(200);
            assertThat(escalated.jsonPath().getList("transitions.reason", String.class)).contains(injection);
            sent.then().statusCode(201);
            assertThat(sent.jsonPath().getString("params.note")).isEqualTo(injection);
        }
        assertThat(counts().get("ticket")).as("the ticket table is still there").isPositive();
    }

    private void assertRefusedUnchanged(int status, Supplier<Response> request) {
        // given
        Map<String, Long> before = counts();

        // when
        Response response = request.get();

        // then
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("io.fleetcare")
                .doesNotContain("io.quarkus").doesNotContain("\tat ").doesNotContain("SQL");
        assertThat(counts()).isEqualTo(before);
    }

    private void assertOversizedUnchanged(Supplier<Response> request) {
        // given
        Map<String, Long> before = counts();

        // when
        Response response = request.get();

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:body-too-large");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(413);
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
    }

    private static String registration(String deviceId, String channel, String deviceType, String severity,
            String problem) {
        // issue 20: these devices are not registered, so the cases say so and give model and serial as told
        return "{\"channel\":" + channel + ",\"deviceId\":" + json(deviceId) + ",\"deviceType\":" + deviceType
                + ",\"model\":\"STB-4K-200\",\"unregisteredProduct\":true,\"serial\":\"SN-TOLD\",\"problem\":"
                + problem + ",\"severity\":" + severity + "}";
    }

    private static String assignment(String engineer) {
        Instant from = Instant.now().plusSeconds(3600);
        return "{\"engineer\":" + json(engineer) + ",\"from\":\"" + from + "\",\"to\":\"" + from.plusSeconds(7200)
                + "\"}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String urlPath(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
