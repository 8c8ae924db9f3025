package io.fleetcare.api.archive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestRepairs;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, acceptance 2: the class-1 sweep. A private (HOME) customer with a known name, address, contact and
 * phone owns a charger at home, with a case, an assignment and a repair record. Every GET endpoint the OpenAPI
 * document publishes is then called as every role holding no grant, path parameters filled from that data, and no
 * class-1 value may appear in any answer; neither in the answers of the writes that return bodies. With a grant,
 * every read it allowed is in the audit trail with the grant.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ClassOneSweepIT {

    /** Never answered in full: an SSE stream; it carries alerts (device ids and metrics), no customer data. */
    private static final Set<String> NOT_SWEPT = Set.of("/api/alerts/stream");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/")
    URL root;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    private final Map<Role, String> roles = new HashMap<>();
    private String manager;
    private String visitEngineer;
    private String admin;

    @BeforeEach
    void accounts() {
        for (Role role : Role.values()) {
            roles.put(role, TestAccounts.ensure(accountService, accounts,
                    "sweep-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-'), role));
        }
        manager = TestAccounts.ensure(accountService, accounts, "sweep-desk", Role.SERVICE_MANAGER);
        visitEngineer = TestAccounts.ensure(accountService, accounts, "sweep-visit-engineer", Role.FIELD_ENGINEER);
        admin = roles.get(Role.ADMIN);
    }

    @Test
    void noGetEndpointShowsAHomeCustomersClassOneDataToAnyRoleWithoutAGrant() throws Exception {
        // given
        Seed seed = seed();
        Map<String, String> pathValues = Map.ofEntries(Map.entry("deviceId", seed.deviceId),
                Map.entry("number", seed.ticket), Map.entry("customerId", Long.toString(seed.customerId)),
                Map.entry("recordId", Long.toString(seed.recordId)), Map.entry("partId", Long.toString(seed.partId)),
                Map.entry("grantId", Long.toString(seed.visitGrantId)), Map.entry("alertId", "999999999"),
                Map.entry("commandId", "999999999"), Map.entry("tokenId", "999999999"),
                Map.entry("ruleId", "999999999"), Map.entry("name", "sweep-unknown-map"),
                Map.entry("siteId", "sweep-unknown-site"));
        List<String> endpoints = getEndpoints();
        List<String> leaks = new ArrayList<>();
        List<String> refusalsWithoutDetail = new ArrayList<>();
        int calls = 0;

        // when
        for (String template : endpoints) {
            if (NOT_SWEPT.contains(template)) {
                continue;
            }
            String path = template;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            assertThat(path).as("a path parameter this sweep cannot fill from the seeded data").doesNotContain("{");
            for (Role role : Role.values()) {
                Answer answer = get(path, roles.get(role));
                calls++;
                if (answer.status >= 400 && !answer.isProblemWithDetail()) {
                    refusalsWithoutDetail.add("GET " + path + " as " + role + " -> " + answer.status);
                }
                for (String value : seed.classOne) {
                    if (answer.body.contains(value)) {
                        leaks.add("GET " + path + " as " + role + " (" + answer.status + ") shows '" + value + "'");
                    }
                }
            }
        }

        // then
        assertThat(endpoints).as("GET endpoints in /q/openapi").contains("/api/devices", "/api/devices/{deviceId}",
                "/api/devices/{deviceId}/history", "/api/devices/{deviceId}/brief", "/api/customers/{customerId}",
                "/api/tickets", "/api/tickets/{number}");
        assertThat(calls).isGreaterThan(4 * 20);
        assertThat(leaks).as("class-1 values in answers to callers without a grant").isEmpty();
        assertThat(refusalsWithoutDetail).as("refusals that are no problem+json with a detail").isEmpty();
    }

    @Test
    void refusalsOfTheFrameworkAreProblemsWithADetailToo() throws Exception {
        // when
        Answer unknownPath = get("/api/no-such-endpoint", roles.get(Role.NOC_OPERATOR));
        Answer wrongMethod = send("DELETE", "/api/devices", roles.get(Role.ADMIN));

        // then
        assertThat(unknownPath.status).isEqualTo(404);
        assertThat(unknownPath.isProblemWithDetail()).as(unknownPath.body).isTrue();
        assertThat(wrongMethod.status).isEqualTo(405);
        assertThat(wrongMethod.isProblemWithDetail()).as(wrongMethod.body).isTrue();
    }

    @Test
    void writesThatAnswerWithABodyShowNoClassOneDataWithoutAGrant() {
        // given
        Seed seed = seed();
        String noc = roles.get(Role.NOC_OPERATOR);

        // when: a case registered for the unit, and a grant asked for through the device and through the case
        String ticket = as(noc).contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "deviceId",
                seed.deviceId, "deviceType", "EV_CHARGER", "problem", "stops after a minute", "severity", "MINOR"))
                .post("/api/tickets").then().statusCode(201).extract().asString();
        String byDevice = as(noc).contentType(ContentType.JSON).body(Map.of("deviceId", seed.deviceId,
                "reason", "calling about the fault", "durationMinutes", 30))
                .post("/api/grants").then().statusCode(201).extract().asString();
        String byCase = as(roles.get(Role.FIELD_ENGINEER)).contentType(ContentType.JSON).body(Map.of("ticketNumber",
                seed.ticket, "reason", "preparing a visit", "durationMinutes", 30))
                .post("/api/grants").then().statusCode(201).extract().asString();

        // then
        for (String body : List.of(ticket, byDevice, byCase)) {
            assertThat(seed.classOne).noneMatch(body::contains);
        }
        assertThat(new JsonPath(byDevice).getString("customerId")).as("the owner is withheld until approved").isNull();
        assertThat(new JsonPath(byDevice).getString("deviceId")).isEqualTo(seed.deviceId);
        assertThat(new JsonPath(byCase).getString("ticketNumber")).isEqualTo(seed.ticket);
    }

    @Test
    void underAnApprovedGrantTheReadsShowTheOwnerAndEachIsInTheAuditTrail() {
        // given: the NOC asks through the device it is looking at, the top manager approves
        Seed seed = seed();
        String noc = roles.get(Role.NOC_OPERATOR);
        long grant = as(noc).contentType(ContentType.JSON).body(Map.of("deviceId", seed.deviceId,
                "reason", "owner asked for a call-back", "durationMinutes", 30))
                .post("/api/grants").then().statusCode(201).extract().jsonPath().getLong("grantId");
        TestAccounts.asTopManager().post("/api/grants/" + grant + "/approval").then().statusCode(200)
                .body("customerId", org.hamcrest.Matchers.equalTo((int) seed.customerId));

        // when
        JsonPath device = as(noc).get("/api/devices/" + seed.deviceId).then().statusCode(200).extract().jsonPath();
        JsonPath listed = as(noc).queryParam("model", seed.model).get("/api/devices").then().statusCode(200)
                .extract().jsonPath();
        JsonPath customer = as(noc).get("/api/customers/" + seed.customerId).then().statusCode(200)
                .extract().jsonPath();

        // then
        assertThat(device.getLong("customerId")).isEqualTo(seed.customerId);
        assertThat(device.getString("siteAddress")).isEqualTo(seed.site);
        assertThat(device.getString("commissioning.acceptedBy")).isEqualTo(seed.contact);
        assertThat(device.getLong("grantId")).isEqualTo(grant);
        assertThat(listed.getList("siteAddress")).containsExactly(seed.site);
        assertThat(customer.getString("name")).isEqualTo(seed.name);
        assertThat(customer.getList("contacts.phone")).containsExactly(seed.phone);
        List<Map<String, Object>> reads = as(admin).queryParam("grantId", grant).queryParam("action", "READ")
                .get("/api/audit").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(reads).extracting(e -> e.get("endpoint")).contains("GET /api/devices/" + seed.deviceId,
                "GET /api/devices", "GET /api/customers/" + seed.customerId);
        assertThat(reads).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo(noc);
            assertThat(e.get("subjectId")).isEqualTo(Long.toString(seed.customerId));
        });
    }

    /**
     * The customer (no {@code kind}: a private person is the default), the unit at their home, a case assigned to
     * the visit engineer on site, a repair record.
     */
    private Seed seed() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Seed seed = new Seed();
        seed.name = "Liu Wenjing " + tag;
        seed.contact = "Chen Haoran " + tag;
        seed.phone = "+86 138 0571 " + (1000 + (int) (Math.random() * 8999));
        seed.email = "liu.wenjing." + tag + "@mail.example";
        seed.address = "Flat 1203, Lotus Garden " + tag + ", Hangzhou";
        seed.site = "Garage of Flat 1203, Lotus Garden " + tag + ", Hangzhou";
        seed.model = "HOME-7-" + tag;
        seed.classOne = List.of(seed.name, seed.contact, seed.phone, seed.email, seed.address, seed.site,
                "Lotus Garden " + tag, "Wenjing " + tag, "Haoran " + tag);
        seed.customerId = as(manager).contentType(ContentType.JSON).body(Map.of("name", seed.name, "tier", "B",
                "address", seed.address, "contacts", List.of(Map.of("name", seed.contact,
                        "position", "husband", "phone", seed.phone, "email", seed.email))))
                .post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("customerId");
        seed.deviceId = "HOME-CP-" + tag;
        Map<String, Object> device = new HashMap<>();
        device.put("deviceId", seed.deviceId);
        device.put("deviceType", "EV_CHARGER");
        device.put("model", seed.model);
        device.put("serial", "SN-" + tag);
        device.put("siteAddress", seed.site);
        device.put("producedOn", "2025-03-01");
        device.put("soldOn", "2025-04-01");
        device.put("installedOn", "2025-04-10");
        device.put("commissioning", Map.of("on", "2025-04-11", "report", "7 kW wallbox, RCD tested",
                "acceptedBy", seed.contact));
        device.put("customerId", seed.customerId);
        device.put("components", List.of(Map.of("name", "charging module", "warrantyMonths", 24)));
        as(manager).contentType(ContentType.JSON).body(device).post("/api/devices").then().statusCode(201);
        seed.ticket = as(manager).contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "deviceId",
                seed.deviceId, "deviceType", "EV_CHARGER", "problem", "does not start charging", "severity", "MAJOR"))
                .post("/api/tickets").then().statusCode(201).extract().path("number");
        TestRepairs.onSite(manager, visitEngineer, seed.ticket);
        Number visitGrant = as(admin).queryParam("customerId", seed.customerId).get("/api/grants").then()
                .statusCode(200).extract().jsonPath().get("find { it.kind == 'ASSIGNMENT' }.grantId");
        seed.visitGrantId = visitGrant == null ? 999_999_999L : visitGrant.longValue();
        seed.partId = TestRepairs.stockedPart(manager, "RCD type A " + tag, "Hangzhou van", 2);
        Map<String, Object> record = new HashMap<>();
        record.put("ticketNumber", seed.ticket);
        record.put("kind", "REPAIR");
        record.put("deviceId", seed.deviceId);
        record.put("symptom", "RCD trips at start");
        record.put("cause", "worn RCD");
        record.put("workDone", "replaced the RCD");
        record.put("testResult", "charges at 7 kW");
        record.put("minutesSpent", 50);
        record.put("performedAt", Instant.now().toString());
        record.put("partsReplaced", List.of());
        seed.recordId = as(visitEngineer).contentType(ContentType.JSON).body(record).post("/api/repairs").then()
                .statusCode(201).extract().jsonPath().getLong("recordId");
        return seed;
    }

    private static List<String> getEndpoints() {
        JsonPath openApi = given().accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Set<String> gets = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (operations.containsKey("get")) {
                gets.add(path);
            }
        });
        return List.copyOf(gets);
    }

    private Answer get(String path, String username) throws IOException, InterruptedException {
        return send("GET", path, username);
    }

    private Answer send(String method, String path, String username) throws IOException, InterruptedException {
        String credentials = username + ":" + TestAccounts.passwordOf(username);
        HttpRequest request = HttpRequest.newBuilder(URI.create(root.toString()).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, text/html")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private static RequestSpecification as(String username) {
        String password = username.equals(TestAccounts.ADMIN_USERNAME) ? TestAccounts.ADMIN_PASSWORD
                : TestAccounts.passwordOf(username);
        return given().auth().preemptive().basic(username, password);
    }

    private record Answer(int status, String contentType, String body) {

        boolean isProblemWithDetail() {
            if (!contentType.startsWith("application/problem+json")) {
                return false;
            }
            String detail = new JsonPath(body).getString("detail");
            return detail != null && !detail.isBlank();
        }
    }

    private static final class Seed {
        String name;
        String contact;
        String phone;
        String email;
        String address;
        String site;
        String model;
        List<String> classOne;
        long customerId;
        String deviceId;
        String ticket;
        long recordId;
        long partId;
        long visitGrantId;
    }
}
