package io.fleetcare.api.repair;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestRepairs;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repair records: filed by the engineer, never changed, corrected only by approved amendments. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RepairRecordsIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String DEPOT = "Ningbo depot";

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    DataSource dataSource;

    private String manager;
    private String engineer;
    private String otherEngineer;
    private String noc;
    private String device;
    private long moduleId;
    private long cableId;
    private long modulePart;
    private long cablePart;
    private String ticket;

    @BeforeEach
    void deviceAndAccounts() {
        manager = TestAccounts.ensure(accountService, accounts, "rep-manager", Role.SERVICE_MANAGER);
        engineer = TestAccounts.ensure(accountService, accounts, "rep-engineer", Role.FIELD_ENGINEER);
        device = registerDevice();
        JsonPath read = as(manager).get("/api/devices/" + device).then().statusCode(200).extract().jsonPath();
        moduleId = read.getLong("components.find { it.name == 'charging module' }.componentId");
        cableId = read.getLong("components.find { it.name == 'charging cable' }.componentId");
        otherEngineer = TestAccounts.ensure(accountService, accounts, "rep-engineer-2", Role.FIELD_ENGINEER);
        noc = TestAccounts.ensure(accountService, accounts, "rep-noc", Role.NOC_OPERATOR);
        modulePart = TestRepairs.stockedPart(manager, "charging module CM-60", DEPOT, 5);
        cablePart = TestRepairs.stockedPart(manager, "cable 5 m", DEPOT, 5);
        ticket = TestRepairs.onSite(manager, engineer, registerTicket(device));
    }

    @Test
    void engineerFilesARecordWithPartsBilledByTheirComponentsWarranty() {
        // given
        Map<String, Object> body = record(device);

        // when
        Response response = as(engineer).contentType(ContentType.JSON).body(body).post("/api/repairs");

        // then
        response.then().statusCode(201).contentType(ContentType.JSON);
        long id = response.jsonPath().getLong("recordId");
        assertThat(response.header("Location")).endsWith("/api/repairs/" + id);
        JsonPath read = as(manager).get("/api/repairs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("kind")).isEqualTo("REPAIR");
        assertThat(read.getString("deviceId")).isEqualTo(device);
        assertThat(read.getString("ticketNumber")).isEqualTo(ticket);
        assertThat(read.getString("engineer")).isEqualTo(engineer);
        assertThat(read.getString("recorded.symptom")).isEqualTo("does not start charging");
        assertThat(read.getString("recorded.cause")).isEqualTo("charging module fault, cable insulation worn");
        assertThat(read.getInt("recorded.minutesSpent")).isEqualTo(75);
        assertThat(read.getString("recorded.customerSignOff")).isEqualTo("Ms Zhao");
        assertThat(read.getMap("current")).isEqualTo(read.getMap("recorded"));
        assertThat(read.getList("partsReplaced.part")).containsExactly("charging module CM-60", "cable 5 m");
        assertThat(read.getList("partsReplaced.serial")).containsExactly("CM-NEW-1", null);
        assertThat(read.getList("partsReplaced.quantity")).containsExactly(1, 1);
        assertThat(read.getList("partsReplaced.category")).containsExactly("FREE", "PAID");
        assertThat(read.getList("amendments")).isEmpty();
        assertThat(read.getList("partsReplaced.partId", Long.class)).containsExactly(modulePart, cablePart);
        assertThat(read.getString("filedBy")).isNull();
        JsonPath stock = as(manager).get("/api/parts/" + modulePart).then().statusCode(200).extract().jsonPath();
        assertThat(stock.getInt("stock.find { it.condition == 'GOOD' }.quantity")).isEqualTo(4);
        assertThat(stock.getString("movements[0].kind")).isEqualTo("ISSUE");
        assertThat(stock.getString("movements[0].ticketNumber")).isEqualTo(ticket);
        assertThat(stock.getString("movements[0].person")).isEqualTo(engineer);
        assertThat(stock.getLong("movements[0].movementId")).isEqualTo(read.getLong("partsReplaced[0].movementId"));
        assertThat(as(engineer).queryParam("ticketNumber", ticket).get("/api/repairs").then().statusCode(200)
                .extract().jsonPath().getList("recordId", Long.class)).containsExactly(id);
        assertThat(as(engineer).queryParam("deviceId", device).get("/api/repairs").then().statusCode(200)
                .extract().jsonPath().getList("recordId", Long.class)).containsExactly(id);
    }

    @Test
    void anAmendmentWrittenByTheEngineerCorrectsTheRecordOnlyOnceAManagerApprovedIt() {
        // given
        long id = file(record(device));

        // when
        JsonPath written = amend(engineer, id, Map.of("field", "MINUTES_SPENT", "value", "95",
                "reason", "travel within the site forgotten")).then().statusCode(201).extract().jsonPath();
        long minutes = written.getLong("amendments[0].amendmentId");
        JsonPath pending = as(manager).get("/api/repairs/" + id).then().statusCode(200).extract().jsonPath();
        JsonPath approved = approve(manager, id, minutes).then().statusCode(200).extract().jsonPath();
        long cause = amend(engineer, id, Map.of("field", "cause", "value", "surge from the grid",
                "reason", "maker's analysis")).then().statusCode(201).extract().jsonPath()
                .getLong("amendments[1].amendmentId");
        approve(manager, id, cause).then().statusCode(200);

        // then
        assertThat(written.getString("amendments[0].status")).isEqualTo("PENDING");
        assertThat(written.getString("amendments[0].author")).isEqualTo(engineer);
        assertThat(written.getString("amendments[0].approvedBy")).isNull();
        assertThat(written.getInt("current.minutesSpent")).isEqualTo(75);
        assertThat(pending.getInt("current.minutesSpent")).isEqualTo(75);
        assertThat(approved.getInt("current.minutesSpent")).isEqualTo(95);
        assertThat(approved.getString("amendments[0].status")).isEqualTo("APPROVED");
        JsonPath read = as(engineer).get("/api/repairs/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(read.getInt("recorded.minutesSpent")).isEqualTo(75);
        assertThat(read.getString("recorded.cause")).isEqualTo("charging module fault, cable insulation worn");
        assertThat(read.getInt("current.minutesSpent")).isEqualTo(95);
        assertThat(read.getString("current.cause")).isEqualTo("surge from the grid");
        assertThat(read.getList("amendments.field")).containsExactly("MINUTES_SPENT", "CAUSE");
        assertThat(read.getList("amendments.author")).containsOnly(engineer);
        assertThat(read.getList("amendments.approvedBy")).containsOnly(manager);
        assertThat(read.getList("amendments.approvedAt")).doesNotContainNull();
        assertThat(read.getString("amendments[0].reason")).isEqualTo("travel within the site forgotten");
    }

    @Test
    void approvingYourOwnAmendmentIsRefusedAndWritingAndApprovingAreBothAudited() throws SQLException {
        // given
        long id = file(record(device));
        String otherManager = TestAccounts.ensure(accountService, accounts, "rep-manager-2", Role.SERVICE_MANAGER);
        long amendment = amend(manager, id, Map.of("field", "TEST_RESULT", "value", "insulation 550 MOhm",
                "reason", "value misread")).then().statusCode(201).extract().jsonPath()
                .getLong("amendments[0].amendmentId");

        // when
        Response own = approve(manager, id, amendment);
        Response byEngineer = approve(engineer, id, amendment);
        JsonPath approved = approve(otherManager, id, amendment).then().statusCode(200).extract().jsonPath();
        Response again = approve(TestAccounts.ensure(accountService, accounts, "rep-manager-3", Role.SERVICE_MANAGER),
                id, amendment);

        // then
        own.then().statusCode(403).contentType(PROBLEM_JSON);
        assertThat(own.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:own-amendment");
        byEngineer.then().statusCode(403);
        again.then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(approved.getString("amendments[0].author")).isEqualTo(manager);
        assertThat(approved.getString("amendments[0].approvedBy")).isEqualTo(otherManager);
        assertThat(approved.getString("current.testResult")).isEqualTo("insulation 550 MOhm");
        assertThat(count("repair_amendment_approval WHERE amendment_id = " + amendment)).isEqualTo(1);
        assertThat(count("audit_entry WHERE subject_id = '" + id + "' AND actor = '" + manager
                + "' AND detail LIKE 'wrote amendment " + amendment + "%'")).isEqualTo(1);
        assertThat(count("audit_entry WHERE subject_id = '" + id + "' AND actor = '" + otherManager
                + "' AND detail LIKE 'approved amendment " + amendment + "%'")).isEqualTo(1);
        assertThatThrownBy(() -> execute("INSERT INTO repair_amendment_approval (amendment_id, record_id, approved_by,"
                + " approved_at) SELECT id, record_id, author, now() FROM repair_amendment WHERE id = "
                + amendment)).isInstanceOf(SQLException.class);
    }

    @Test
    void theDatabaseRefusesEveryDirectUpdateOrDeleteOfRecordsPartsAndAmendments() throws SQLException {
        // given
        long id = file(record(device));
        amend(engineer, id, Map.of("field", "SYMPTOM", "value", "x", "reason", "typo")).then().statusCode(201);

        // when / then
        for (String sql : List.of(
                "UPDATE repair_record SET cause = 'nothing' WHERE id = " + id,
                "DELETE FROM repair_record WHERE id = " + id,
                "UPDATE repair_part SET quantity = 9 WHERE record_id = " + id,
                "DELETE FROM repair_part WHERE record_id = " + id,
                "UPDATE repair_amendment SET reason = 'other' WHERE record_id = " + id,
                "DELETE FROM repair_amendment WHERE record_id = " + id)) {
            assertThatThrownBy(() -> execute(sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
        assertThat(count("repair_part WHERE record_id = " + id)).isEqualTo(2);
        assertThat(count("repair_amendment WHERE record_id = " + id)).isEqualTo(1);
        assertThat(as(manager).get("/api/repairs/" + id).then().statusCode(200).extract().jsonPath()
                .getString("recorded.cause")).isEqualTo("charging module fault, cable insulation worn");
    }

    @Test
    void theApiOffersNoUpdateOrDeleteOfARecord() {
        // given
        long id = file(record(device));

        // when / then
        as(manager).contentType(ContentType.JSON).body(record(device)).put("/api/repairs/" + id)
                .then().statusCode(405).contentType(PROBLEM_JSON);
        as(manager).delete("/api/repairs/" + id).then().statusCode(405).contentType(PROBLEM_JSON);
    }

    @Test
    void anAmendmentNamesNoClaimedAuthorNeedsAValueThatFitsAndIsTheEngineersOwnRecord() throws SQLException {
        // given
        long id = file(record(device));
        long before = count("repair_amendment");

        // when / then
        for (Map<String, String> body : List.of(
                Map.of("field", "CAUSE", "value", "x", "reason", "r", "author", engineer),
                Map.of("field", "CAUSE", "value", "x", "reason", "r", "author", "nobody-" + UUID.randomUUID()),
                Map.of("field", "MINUTES_SPENT", "value", "a lot", "reason", "r"),
                Map.of("field", "ENGINEER", "value", "someone", "reason", "r"),
                Map.of("field", "CAUSE", "value", "x"))) {
            amend(manager, id, body).then().statusCode(400).contentType(PROBLEM_JSON);
        }
        Response claimed = amend(manager, id, Map.of("field", "CAUSE", "value", "x", "reason", "r", "author", engineer));
        assertThat(claimed.jsonPath().getString("detail")).contains("author");
        amend(otherEngineer, id, Map.of("field", "CAUSE", "value", "x", "reason", "r"))
                .then().statusCode(403).contentType(PROBLEM_JSON);
        amend(noc, id, Map.of("field", "CAUSE", "value", "x", "reason", "r")).then().statusCode(403);
        amend(manager, 999999999L, Map.of("field", "CAUSE", "value", "x", "reason", "r"))
                .then().statusCode(404).contentType(PROBLEM_JSON);
        approve(manager, id, 999999999L).then().statusCode(404).contentType(PROBLEM_JSON);
        assertThat(count("repair_amendment")).isEqualTo(before);
    }

    private static Response amend(String username, long recordId, Map<String, String> body) {
        return as(username).contentType(ContentType.JSON).body(body).post("/api/repairs/" + recordId + "/amendments");
    }

    private static Response approve(String username, long recordId, long amendmentId) {
        return as(username).post("/api/repairs/" + recordId + "/amendments/" + amendmentId + "/approval");
    }

    @Test
    void badRecordsAreAnswered400And404AndStoreNothing() throws SQLException {
        // given
        String otherDevice = registerDevice();
        long otherComponent = as(manager).get("/api/devices/" + otherDevice).then().extract().jsonPath()
                .getLong("components[0].componentId");
        Map<String, Object> unknownDevice = record("no-such-device");
        Map<String, Object> ticketOfAnotherDevice = record(device);
        ticketOfAnotherDevice.put("ticketNumber", registerTicket(otherDevice));
        Map<String, Object> unknownTicket = record(device);
        unknownTicket.put("ticketNumber", "TK-1999-999999");
        Map<String, Object> future = record(device);
        future.put("performedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        Map<String, Object> foreignComponent = record(device);
        foreignComponent.put("partsReplaced", List.of(Map.of("partId", modulePart, "location", DEPOT, "quantity", 1,
                "reason", "r", "componentId", otherComponent)));
        Map<String, Object> badKind = record(device);
        badKind.put("kind", "'; DROP TABLE repair_record; --");
        Map<String, Object> zeroQuantity = record(device);
        zeroQuantity.put("partsReplaced", List.of(Map.of("partId", modulePart, "location", DEPOT, "quantity", 0,
                "reason", "r")));
        Map<String, Object> noCause = record(device);
        noCause.remove("cause");
        long before = count("repair_record");

        // when / then
        for (Map<String, Object> body : List.of(unknownDevice, ticketOfAnotherDevice, unknownTicket, future,
                foreignComponent, badKind, zeroQuantity, noCause)) {
            as(engineer).contentType(ContentType.JSON).body(body).post("/api/repairs")
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        for (String unknown : List.of("999999999", "abc", "0")) {
            as(engineer).get("/api/repairs/" + unknown).then().statusCode(404).contentType(PROBLEM_JSON);
        }
        as(noc).contentType(ContentType.JSON).body(record(device)).post("/api/repairs")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        assertThat(count("repair_record")).isEqualTo(before);
    }

    @Test
    void aRecordByAnEngineerNotAssignedToTheTicketIsRefused403AndStoresNothing() throws SQLException {
        // given
        long before = count("repair_record");
        long movements = count("part_movement WHERE ticket_number = '" + ticket + "'");

        // when
        Response refused = as(otherEngineer).contentType(ContentType.JSON).body(record(device)).post("/api/repairs");

        // then
        refused.then().statusCode(403).contentType(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:record-filing-not-permitted");
        assertThat(refused.jsonPath().getString("detail")).contains(engineer);
        assertThat(count("repair_record")).isEqualTo(before);
        assertThat(count("part_movement WHERE ticket_number = '" + ticket + "'")).isEqualTo(movements);
    }

    @Test
    void aRecordOnATicketNotYetOnSiteIsRefused409() throws SQLException {
        // given
        String registered = registerTicket(device);
        Map<String, Object> body = record(device);
        body.put("ticketNumber", registered);
        body.put("partsReplaced", List.of());
        long before = count("repair_record");

        // when
        Response refused = as(engineer).contentType(ContentType.JSON).body(body).post("/api/repairs");

        // then
        refused.then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("type")).isIn("urn:fleetcare:problem:ticket-not-on-site",
                "urn:fleetcare:problem:record-needs-assigned-engineer");
        as(manager).contentType(ContentType.JSON)
                .body(Map.of("engineer", engineer, "from", Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                        "to", Instant.now().plus(3, ChronoUnit.HOURS).toString()))
                .put("/api/tickets/{n}/assignment", registered).then().statusCode(200);
        Response assignedButRegistered = as(engineer).contentType(ContentType.JSON).body(body).post("/api/repairs");
        assignedButRegistered.then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(assignedButRegistered.jsonPath().getString("type"))
                .isEqualTo("urn:fleetcare:problem:ticket-not-on-site");
        assertThat(count("repair_record")).isEqualTo(before);
    }

    @Test
    void aRecordWorkedBeforeTheTicketOpenedIsRefused400() throws SQLException {
        // given
        Map<String, Object> body = record(device);
        body.put("performedAt", "2026-03-02T06:30:00Z");
        long before = count("repair_record");

        // when
        Response refused = as(engineer).contentType(ContentType.JSON).body(body).post("/api/repairs");

        // then
        refused.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(refused.jsonPath().getString("detail")).contains("before ticket " + ticket);
        assertThat(count("repair_record")).isEqualTo(before);
    }

    @Test
    void aFreeTextOrUnknownPartIsRefused400AndTooFewInStockRefused409WithNothingWritten() throws SQLException {
        // given
        Map<String, Object> freeText = record(device);
        freeText.put("partsReplaced", List.of(Map.of("part", "Unobtainium widget", "quantity", 50, "reason", "r")));
        Map<String, Object> unknownPart = record(device);
        unknownPart.put("partsReplaced", List.of(Map.of("partId", 999_999_999L, "location", DEPOT, "quantity", 1,
                "reason", "r")));
        Map<String, Object> fractional = record(device);
        fractional.put("partsReplaced", List.of(Map.of("partId", modulePart, "location", DEPOT, "quantity", 1.5,
                "reason", "r")));
        Map<String, Object> noTicket = record(device);
        noTicket.remove("ticketNumber");
        Map<String, Object> tooMany = record(device);
        tooMany.put("partsReplaced", List.of(
                Map.of("partId", cablePart, "location", DEPOT, "quantity", 1, "reason", "worn"),
                Map.of("partId", modulePart, "location", DEPOT, "quantity", 6, "reason", "no output")));
        long before = count("repair_record");
        long movements = count("part_movement");

        // when / then
        for (Map<String, Object> body : List.of(freeText, unknownPart, fractional, noTicket)) {
            as(engineer).contentType(ContentType.JSON).body(body).post("/api/repairs")
                    .then().statusCode(400).contentType(PROBLEM_JSON);
        }
        Response short409 = as(engineer).contentType(ContentType.JSON).body(tooMany).post("/api/repairs");
        short409.then().statusCode(409).contentType(PROBLEM_JSON);
        assertThat(short409.jsonPath().getString("type")).isEqualTo("urn:fleetcare:problem:insufficient-stock");
        assertThat(count("repair_record")).isEqualTo(before);
        assertThat(count("part_movement")).isEqualTo(movements);
        assertThat(as(manager).get("/api/parts/" + cablePart).then().extract().jsonPath()
                .getInt("stock.find { it.condition == 'GOOD' }.quantity")).isEqualTo(5);
    }

    @Test
    void aServiceManagerFilesForTheAssignedEngineerAndIsRecordedAsSuch() {
        // when
        Response filed = as(manager).contentType(ContentType.JSON).body(record(device)).post("/api/repairs");

        // then
        filed.then().statusCode(201);
        assertThat(filed.jsonPath().getString("engineer")).isEqualTo(engineer);
        assertThat(filed.jsonPath().getString("filedBy")).isEqualTo(manager);
        JsonPath stock = as(manager).get("/api/parts/" + modulePart).then().statusCode(200).extract().jsonPath();
        assertThat(stock.getString("movements[0].person")).isEqualTo(engineer);
        assertThat(stock.getString("movements[0].bookedBy")).isEqualTo(manager);
    }

    private long file(Map<String, Object> body) {
        return as(engineer).contentType(ContentType.JSON).body(body).post("/api/repairs")
                .then().statusCode(201).extract().jsonPath().getLong("recordId");
    }

    private Map<String, Object> record(String deviceId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "REPAIR");
        body.put("deviceId", deviceId);
        body.put("symptom", "does not start charging");
        body.put("cause", "charging module fault, cable insulation worn");
        body.put("workDone", "module and cable replaced");
        body.put("testResult", "charged a test vehicle at 58 kW for 10 minutes");
        body.put("minutesSpent", 75);
        body.put("customerSignOff", "Ms Zhao");
        body.put("performedAt", Instant.now().minusMillis(1).toString());
        body.put("ticketNumber", ticket);
        body.put("partsReplaced", List.of(
                Map.of("partId", modulePart, "location", DEPOT, "serial", "CM-NEW-1", "quantity", 1,
                        "reason", "no output", "componentId", moduleId),
                Map.of("partId", cablePart, "location", DEPOT, "quantity", 1, "reason", "insulation worn",
                        "componentId", cableId)));
        return body;
    }

    private String registerTicket(String deviceId) {
        return as(manager).contentType(ContentType.JSON)
                .body(Map.of("channel", "PHONE", "deviceId", deviceId, "deviceType", "EV_CHARGER",
                        "problem", "does not charge", "severity", "MAJOR"))
                .post("/api/tickets").then().statusCode(201).extract().path("number");
    }

    private String registerDevice() {
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", "CP-RE-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("deviceType", "EV_CHARGER");
        body.put("model", "DC-60");
        body.put("serial", "SN-" + UUID.randomUUID());
        body.put("siteAddress", "Depot 3");
        body.put("producedOn", "2024-01-10");
        body.put("soldOn", "2024-06-01");
        body.put("components", List.of(Map.of("name", "charging module", "warrantyMonths", 36),
                Map.of("name", "charging cable", "warrantyMonths", 12)));
        return as(manager).contentType(ContentType.JSON).body(body).post("/api/devices")
                .then().statusCode(201).extract().path("deviceId");
    }

    private int execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    private long count(String tableAndCondition) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + tableAndCondition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
