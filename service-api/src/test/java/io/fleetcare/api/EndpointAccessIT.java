package io.fleetcare.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Least privilege on every endpoint the OpenAPI document publishes (issue 5, acceptance 4). The endpoints are
 * read from {@code /q/openapi} at test time, and each must appear in {@link #ALLOWED}: adding an endpoint
 * without deciding who may call it fails this test.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EndpointAccessIT {

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    /** Everybody who works cases; the top manager (who decides class-1 access) is none of them. */
    private static final Set<Role> STAFF = EnumSet.of(Role.NOC_OPERATOR, Role.FIELD_ENGINEER, Role.SERVICE_MANAGER,
            Role.ADMIN);
    private static final Set<Role> DISPATCH = EnumSet.of(Role.NOC_OPERATOR, Role.SERVICE_MANAGER, Role.ADMIN);
    private static final Set<Role> MANAGEMENT = EnumSet.of(Role.SERVICE_MANAGER, Role.ADMIN);
    private static final Set<Role> RECORD_READERS = EnumSet.of(Role.FIELD_ENGINEER, Role.SERVICE_MANAGER, Role.ADMIN);

    /** "METHOD path template" as the OpenAPI document names it -> the roles that may call it. */
    private static final Map<String, Set<Role>> ALLOWED = Map.ofEntries(
            Map.entry("GET /api/tickets", STAFF),
            Map.entry("POST /api/tickets", DISPATCH),
            Map.entry("GET /api/tickets/{number}", STAFF),
            Map.entry("POST /api/tickets/{number}/transitions", STAFF),
            Map.entry("PUT /api/tickets/{number}/assignment", MANAGEMENT),
            Map.entry("GET /api/tickets/{number}/warranty-exclusion", STAFF),
            Map.entry("POST /api/tickets/{number}/warranty-exclusion", RECORD_READERS),
            Map.entry("GET /api/tickets/{number}/returned-goods", STAFF),
            Map.entry("POST /api/tickets/{number}/returned-goods", MANAGEMENT),
            Map.entry("POST /api/tickets/{number}/returned-goods/processed", RECORD_READERS),
            Map.entry("GET /api/alerts", STAFF),
            Map.entry("GET /api/alerts/stream", STAFF),
            Map.entry("GET /api/alerts/{alertId}", STAFF),
            Map.entry("POST /api/alerts/{alertId}/acknowledgement", DISPATCH),
            Map.entry("POST /api/alerts/{alertId}/comments", DISPATCH),
            Map.entry("POST /api/alerts/{alertId}/ticket", DISPATCH),
            Map.entry("GET /api/devices/{deviceId}/commands", STAFF),
            Map.entry("POST /api/devices/{deviceId}/commands", STAFF),
            Map.entry("GET /api/devices/{deviceId}/commands/{commandId}", STAFF),
            Map.entry("GET /api/devices/{deviceId}/commands/available", STAFF),
            Map.entry("GET /api/modbus/devices", STAFF),
            Map.entry("GET /api/modbus/devices/{deviceId}", STAFF),
            Map.entry("PUT /api/modbus/devices/{deviceId}", MANAGEMENT),
            Map.entry("DELETE /api/modbus/devices/{deviceId}", MANAGEMENT),
            Map.entry("GET /api/modbus/register-maps", STAFF),
            Map.entry("GET /api/modbus/register-maps/{name}", STAFF),
            Map.entry("PUT /api/modbus/register-maps/{name}", MANAGEMENT),
            Map.entry("DELETE /api/modbus/register-maps/{name}", MANAGEMENT),
            Map.entry("GET /api/devices", STAFF),
            Map.entry("GET /api/sites/{siteId}", STAFF),
            Map.entry("PUT /api/sites/{siteId}/devices", MANAGEMENT),
            Map.entry("POST /api/devices", MANAGEMENT),
            Map.entry("GET /api/devices/{deviceId}", STAFF),
            Map.entry("POST /api/devices/{deviceId}/components", MANAGEMENT),
            Map.entry("GET /api/devices/{deviceId}/warranty", STAFF),
            Map.entry("GET /api/devices/{deviceId}/history", RECORD_READERS),
            Map.entry("GET /api/devices/{deviceId}/brief", RECORD_READERS),
            Map.entry("GET /api/devices/{deviceId}/credentials", EnumSet.of(Role.ADMIN)),
            Map.entry("POST /api/devices/{deviceId}/credentials", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /api/customers", MANAGEMENT),
            Map.entry("POST /api/customers", MANAGEMENT),
            Map.entry("GET /api/customers/{customerId}", STAFF),
            Map.entry("POST /api/customers/{customerId}/contacts", MANAGEMENT),
            Map.entry("GET /api/repairs", RECORD_READERS),
            Map.entry("POST /api/repairs", EnumSet.of(Role.FIELD_ENGINEER, Role.SERVICE_MANAGER)),
            Map.entry("GET /api/repairs/{recordId}", RECORD_READERS),
            Map.entry("POST /api/repairs/{recordId}/amendments", EnumSet.of(Role.FIELD_ENGINEER, Role.SERVICE_MANAGER)),
            Map.entry("POST /api/repairs/{recordId}/amendments/{amendmentId}/approval", EnumSet.of(Role.SERVICE_MANAGER)),
            Map.entry("GET /api/parts", RECORD_READERS),
            Map.entry("POST /api/parts", MANAGEMENT),
            Map.entry("GET /api/parts/{partId}", RECORD_READERS),
            Map.entry("POST /api/parts/{partId}/movements", EnumSet.of(Role.SERVICE_MANAGER)),
            Map.entry("POST /api/parts/stocktakes", EnumSet.of(Role.SERVICE_MANAGER)),
            Map.entry("POST /api/tickets/{number}/survey", DISPATCH),
            Map.entry("GET /api/tickets/{number}/survey", MANAGEMENT),
            Map.entry("GET /api/kpis", MANAGEMENT),
            Map.entry("POST /api/grants", EVERY_ROLE),
            Map.entry("GET /api/grants", EVERY_ROLE),
            Map.entry("GET /api/grants/{grantId}", EVERY_ROLE),
            Map.entry("POST /api/grants/{grantId}/approval", EnumSet.of(Role.TOP_MANAGER)),
            Map.entry("POST /api/grants/{grantId}/refusal", EnumSet.of(Role.TOP_MANAGER)),
            Map.entry("POST /api/grants/{grantId}/revocation", EnumSet.of(Role.ADMIN, Role.TOP_MANAGER)),
            Map.entry("GET /api/tokens", EnumSet.of(Role.ADMIN)),
            Map.entry("POST /api/tokens", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /api/tokens/{tokenId}", EnumSet.of(Role.ADMIN)),
            Map.entry("POST /api/tokens/{tokenId}/revocation", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /api/audit", EnumSet.of(Role.ADMIN)),
            Map.entry("POST /api/archive/purge", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /api/session", EVERY_ROLE),
            Map.entry("DELETE /api/session", EVERY_ROLE),
            Map.entry("GET /api/fleet/counters", STAFF),
            Map.entry("GET /api/accounts", EnumSet.of(Role.ADMIN)),
            Map.entry("POST /api/accounts", EnumSet.of(Role.ADMIN)),
            Map.entry("GET /api/notification-rules", MANAGEMENT),
            Map.entry("POST /api/notification-rules", MANAGEMENT),
            Map.entry("DELETE /api/notification-rules/{ruleId}", MANAGEMENT),
            Map.entry("GET /api/alerts/{alertId}/notifications", STAFF),
            Map.entry("GET /api/tickets/{number}/notifications", STAFF),
            Map.entry("GET /api/notifications/mine", STAFF),
            Map.entry("GET /api/notifications/dead-letters", EnumSet.of(Role.ADMIN)));

    /** Open to anonymous callers on purpose (the web UI's "who is signed in" and sign-out); answered 200/204. */
    private static final Set<String> OPEN_TO_ANONYMOUS = Set.of("GET /api/session", "DELETE /api/session");

    /** Harmless values for path parameters: unknown ids, so an allowed caller gets 404 (or 200 on an empty list). */
    private static final Map<String, String> PATH_VALUES = Map.ofEntries(
            Map.entry("number", "TK-1999-999999"),
            Map.entry("alertId", "acl-unknown-alert"),
            Map.entry("deviceId", "acl-unknown-device"),
            Map.entry("commandId", "00000000-0000-0000-0000-000000000000"),
            Map.entry("customerId", "999999999"),
            Map.entry("recordId", "999999999"),
            Map.entry("amendmentId", "999999999"),
            Map.entry("partId", "999999999"),
            Map.entry("grantId", "999999999"),
            Map.entry("name", "acl-unknown-map"),
            Map.entry("ruleId", "999999999"),
            Map.entry("tokenId", "999999999"),
            Map.entry("siteId", "acl-unknown-site"));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/")
    URL root;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @BeforeEach
    void accountPerRole() {
        for (Role role : Role.values()) {
            TestAccounts.ensure(accountService, accounts, usernameOf(role), role);
        }
    }

    @Test
    void everyPublishedEndpointHasItsRolesDecidedInThisTest() {
        // given
        Set<String> published = publishedEndpoints();

        // then
        assertThat(published).as("endpoints in /q/openapi").isNotEmpty();
        assertThat(ALLOWED.keySet()).as("role table of this test vs. /q/openapi")
                .containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void everyPublishedEndpointRefusesAnonymousCallersWith401Problem() throws Exception {
        // given
        List<String> failures = new ArrayList<>();

        // when
        for (String endpoint : publishedEndpoints()) {
            Answer answer = call(endpoint, null);
            if (OPEN_TO_ANONYMOUS.contains(endpoint)) {
                if (answer.status() >= 300) {
                    failures.add(endpoint + " (open) -> " + answer);
                }
                continue;
            }
            if (answer.status() != 401 || !answer.isProblem(401) || !answer.challengesBasic()) {
                failures.add(endpoint + " -> " + answer);
            }
        }

        // then
        assertThat(failures).as("endpoints not answering anonymous callers 401 problem+json").isEmpty();
    }

    @Test
    void everyPublishedEndpointAdmitsExactlyTheRolesOfTheTable() throws Exception {
        // given
        List<String> failures = new ArrayList<>();

        // when
        for (String endpoint : publishedEndpoints()) {
            Set<Role> allowed = ALLOWED.getOrDefault(endpoint, Set.of());
            for (Role role : Role.values()) {
                Answer answer = call(endpoint, role);
                if (allowed.contains(role)) {
                    if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500) {
                        failures.add(endpoint + " as " + role + " (allowed) -> " + answer);
                    }
                } else if (answer.status() != 403 || !answer.isProblem(403)) {
                    failures.add(endpoint + " as " + role + " (not allowed) -> " + answer);
                }
            }
        }

        // then
        assertThat(failures).as("role decisions differing from the table").isEmpty();
    }

    private static Set<String> publishedEndpoints() {
        JsonPath openApi = given().accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> endpoints = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(key -> Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(key))
                .forEach(method -> endpoints.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return endpoints;
    }

    /** Calls the endpoint with a harmless body; reads the body only of refusals (the alert stream never ends). */
    private Answer call(String endpoint, Role role) throws IOException, InterruptedException {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        assertThat(path).as("a path parameter without a harmless value in PATH_VALUES").doesNotContain("{");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root.toString()).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, text/event-stream, text/html");
        if (method.equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        if (role != null) {
            String credentials = usernameOf(role) + ":" + TestAccounts.passwordOf(usernameOf(role));
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            String text = response.statusCode() >= 400 ? new String(body.readAllBytes(), StandardCharsets.UTF_8) : "";
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(""), text);
        }
    }

    private static String usernameOf(Role role) {
        return "acl-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private record Answer(int status, String contentType, String challenge, String body) {

        boolean isProblem(int expected) {
            if (!contentType.startsWith("application/problem+json")) {
                return false;
            }
            JsonPath problem = new JsonPath(body);
            return problem.getInt("status") == expected && problem.getString("title") != null
                    && !body.contains("Exception") && !body.contains("io.fleetcare") && !body.contains("io.quarkus")
                    && !body.contains("\tat ");
        }

        boolean challengesBasic() {
            return challenge.toLowerCase(Locale.ROOT).startsWith("basic realm=");
        }

        @Override
        public String toString() {
            Map<String, Object> shown = new TreeMap<>();
            shown.put("status", status);
            shown.put("type", contentType);
            shown.put("body", body.length() > 300 ? body.substring(0, 300) : body);
            return shown.toString();
        }
    }
}
