package io.fleetcare.api.kpi;

import static io.fleetcare.api.kpi.ServiceDesk.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.ticket.TicketIntake;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/kpis} against the real PostgreSQL: the figures of cases walked through their lifecycle, per
 * engineer, model and firmware, and refusals of bad periods. Each test uses its own engineer, model and firmware,
 * so the groups it reads hold only its own cases.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KpisIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    TicketIntake intake;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    private String engineer;
    private ServiceDesk desk;

    @BeforeEach
    void accounts() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        engineer = TestAccounts.ensure(accountService, accounts, "kpi-eng-" + suffix, Role.FIELD_ENGINEER);
        desk = new ServiceDesk(TestAccounts.ensure(accountService, accounts, "kpi-noc", Role.NOC_OPERATOR), engineer,
                TestAccounts.ensure(accountService, accounts, "kpi-manager", Role.SERVICE_MANAGER));
    }

    @Test
    void figuresPerEngineerModelAndFirmwareFollowTheCasesWalked() {
        // given: one device; a case fixed first time, closed and surveyed; a case still on site; a case resolved,
        // disputed and resolved again; a complaint registered by phone and never assigned
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String model = "KPI-" + suffix;
        String firmware = "fw-" + suffix;
        String device = "STB-KPI-" + suffix;
        desk.registerDevice(device, model, firmware);
        String fixed = open(device, model, "stb.cpu-overheat");
        desk.walk(fixed, "REGISTERED", "ON_SITE");
        desk.fileRepair(device, fixed, null, null);
        desk.walk(fixed, "ON_SITE", "CLOSED");
        desk.survey(fixed, 5, 5, 4, 4);
        String onSite = open(device, model, "stb.tuner-snr-low");
        desk.walk(onSite, "REGISTERED", "ON_SITE");
        String disputed = open(device, model, "stb.disk-errors");
        desk.walk(disputed, "REGISTERED", "ON_SITE");
        desk.fileRepair(device, disputed, null, null);
        desk.walk(disputed, "ON_SITE", "RESOLVED");
        move(disputed, "ESCALATED", "customer says it still reboots");
        move(disputed, "RESOLVED", "unit replaced");
        as(desk.manager()).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "deviceId", device, "deviceType", "SET_TOP_BOX", "model", model,
                        "problem", "engineer was rude", "severity", "MINOR", "complaint", true))
                .post("/api/tickets").then().statusCode(201);

        // when
        JsonPath byEngineer = desk.kpisAroundToday("engineer");
        JsonPath byModel = desk.kpisAroundToday("model");
        JsonPath byFirmware = desk.kpisAroundToday("firmware");
        JsonPath overall = desk.kpisAroundToday("none");

        // then
        assertThat(byEngineer.getString("groupBy")).isEqualTo("engineer");
        Map<String, Object> mine = group(byEngineer, engineer);
        assertThat(mine).containsEntry("ticketsOpened", 3).containsEntry("ticketsClosed", 1)
                .containsEntry("slaBreaches", 0);
        assertThat(number(mine, "timeliness")).isEqualTo(1.0);
        assertThat(number(mine, "firstTimeFixRate")).isEqualTo(0.5);
        assertThat(number(mine, "meanTimeToRepairHours")).isGreaterThan(0.0).isLessThan(1.0);
        assertThat(number(mine, "complaintRate")).isEqualTo(0.0);
        assertThat(number(mine, "satisfaction")).isEqualTo(4.5);

        Map<String, Object> ofModel = group(byModel, model);
        assertThat(ofModel).containsEntry("ticketsOpened", 4).containsEntry("ticketsClosed", 1);
        assertThat(number(ofModel, "complaintRate")).isCloseTo(0.25, within(1e-9));
        assertThat(group(byFirmware, firmware)).containsEntry("ticketsOpened", 4);
        assertThat(byFirmware.getList("faultsByModelFirmware", Map.class))
                .contains(Map.of("model", model, "firmware", firmware, "faults", 3));

        assertThat(overall.getList("groups")).hasSize(1);
        assertThat(overall.getMap("groups[0]")).containsEntry("key", null);
        assertThat(overall.getInt("groups[0].ticketsOpened")).isGreaterThanOrEqualTo(4);
        assertThat(overall.getString("from")).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void meanTimeToRepairOfAReopenedCaseCountsFromItsLastResolution() {
        // given: a case resolved, reopened, visited again and resolved again; a second case reopened and not yet
        // resolved again
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String model = "KPI-RE-" + suffix;
        String device = "STB-KPI-RE-" + suffix;
        desk.registerDevice(device, model, "fw-" + suffix);
        String reopened = open(device, model, "stb.cpu-overheat");
        desk.walk(reopened, "REGISTERED", "ON_SITE");
        desk.fileRepair(device, reopened, null, null);
        desk.walk(reopened, "ON_SITE", "RESOLVED");
        desk.reopen(reopened, "reboots again the next day");
        desk.walk(reopened, "ACKNOWLEDGED", "ON_SITE");
        desk.fileRepair(device, reopened, null, null);
        desk.walk(reopened, "ON_SITE", "RESOLVED");
        String stillOpen = open(device, model, "stb.tuner-snr-low");
        desk.walk(stillOpen, "REGISTERED", "ON_SITE");
        desk.fileRepair(device, stillOpen, null, null);
        desk.walk(stillOpen, "ON_SITE", "RESOLVED");
        desk.reopen(stillOpen, "no signal again");
        JsonPath ticket = as(desk.manager()).get("/api/tickets/{n}", reopened).then().statusCode(200).extract()
                .jsonPath();
        Instant openedAt = Instant.parse(ticket.getString("openedAt"));
        List<Instant> resolutions = ticket.<Map<String, String>>getList("transitions").stream()
                .filter(t -> t.get("to").equals("RESOLVED")).map(t -> Instant.parse(t.get("at"))).toList();

        // when
        Map<String, Object> ofModel = group(desk.kpisAroundToday("model"), model);

        // then
        assertThat(resolutions).hasSize(2);
        double fromLast = java.time.Duration.between(openedAt, resolutions.get(1)).toMillis() / 3_600_000.0;
        double fromFirst = java.time.Duration.between(openedAt, resolutions.get(0)).toMillis() / 3_600_000.0;
        assertThat(fromLast).isNotEqualTo(fromFirst);
        assertThat(number(ofModel, "meanTimeToRepairHours")).isCloseTo(fromLast, within(1e-9));
        assertThat(number(ofModel, "firstTimeFixRate")).isEqualTo(0.0);
    }

    @Test
    void badPeriodsAndGroupingsAreAnswered400Problem() {
        // given
        List<Map<String, String>> bad = List.of(
                Map.of("to", "2026-11-30"),
                Map.of("from", "2026-11-01"),
                Map.of("from", "2026-13-01", "to", "2026-11-30"),
                Map.of("from", "2026-11-30", "to", "2026-11-01"),
                Map.of("from", "2024-01-01", "to", "2026-11-30"),
                Map.of("from", "2026-11-01", "to", "2026-11-30", "groupBy", "weekday"),
                Map.of("from", "2026-11-01' OR '1'='1", "to", "2026-11-30"),
                Map.of("from", "2026-11-01", "to", "2026-11-30", "groupBy", "model; DROP TABLE ticket"));

        for (Map<String, String> query : bad) {
            // when
            Response response = as(desk.manager()).queryParams(query).get("/api/kpis");

            // then
            response.then().statusCode(400).contentType(PROBLEM_JSON);
            assertThat(response.jsonPath().getString("type")).as(query.toString())
                    .isEqualTo("urn:fleetcare:problem:invalid-request");
        }
    }

    private String open(String device, String model, String rule) {
        Instant now = Instant.now();
        return intake.accept(new MaintenanceRequest("req-" + UUID.randomUUID(), device, DeviceType.SET_TOP_BOX, model,
                rule, MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR, "fault " + rule, now, null, null,
                List.of(Evidence.reading(now, "cpu_temp_c", 91.0)))).ticketNumber();
    }

    private void move(String number, String to, String reason) {
        as(desk.manager()).contentType(ContentType.JSON).body(Map.of("to", to, "reason", reason))
                .post("/api/tickets/{number}/transitions", number).then().statusCode(200);
    }

    private static Map<String, Object> group(JsonPath report, String key) {
        List<Map<String, Object>> groups = report.getList("groups");
        return groups.stream().filter(g -> key.equals(g.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key + " in " + groups));
    }

    private static double number(Map<String, Object> group, String field) {
        return ((Number) group.get(field)).doubleValue();
    }
}
