package io.fleetcare.api.archive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7 on the running service: class-1 fields by access grant, the audit trail, what the database refuses,
 * sealed columns and key rotation, the classification of every column, and the purge after retention.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ArchiveSecurityIT {

    private static final String PHONE = "+86 574 8765 4321";
    private static final String EMAIL = "zhao.li@harbour.example";
    private static final String ADDRESS = "Pier 7, Harbour Road 12, Ningbo";
    private static final String SITE = "Bay 3, East Depot";

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    DataSource dataSource;

    @Inject
    ArchiveResealing resealing;

    @ConfigProperty(name = "fleetcare.archive.keys.old")
    String oldKey;

    @ConfigProperty(name = "fleetcare.archive.keys.current")
    String currentKey;

    private String manager;
    private String engineer;
    private String noc;

    @BeforeEach
    void accounts() {
        manager = TestAccounts.ensure(accountService, accounts, "sec-manager", Role.SERVICE_MANAGER);
        engineer = TestAccounts.ensure(accountService, accounts, "sec-engineer", Role.FIELD_ENGINEER);
        noc = TestAccounts.ensure(accountService, accounts, "sec-noc", Role.NOC_OPERATOR);
    }

    @Test
    void engineerSeesTheRepairHistoryButMaskedContactsAndBothReadsAreAudited() {
        // given
        long customer = registerCustomer();
        String device = registerDevice(customer);
        long record = as(engineer).contentType(ContentType.JSON).body(repairRecord(device)).post("/api/repairs")
                .then().statusCode(201).extract().jsonPath().getLong("recordId");

        // when
        JsonPath history = as(engineer).get("/api/devices/" + device + "/history")
                .then().statusCode(200).extract().jsonPath();

        // then
        assertThat(history.getList("repairs.recordId", Long.class)).containsExactly(record);
        assertThat(history.getString("repairs[0].current.cause")).isEqualTo("contactor welded");
        assertThat(history.getBoolean("customer.classOneWithheld")).isTrue();
        assertThat(history.getString("customer.contacts[0].phone")).isEqualTo("+** *** **** 4321");
        assertThat(history.getString("customer.contacts[0].email")).isEqualTo("z***@harbour.example");
        assertThat(history.prettify()).doesNotContain(PHONE, EMAIL, ADDRESS);
        JsonPath readOfRecord = audit("actor", engineer, "subjectType", "REPAIR_RECORD", "subjectId", record,
                "action", "READ");
        assertThat(readOfRecord.getString("[0].endpoint")).isEqualTo("GET /api/devices/" + device + "/history");
        assertThat(readOfRecord.getString("[0].remoteAddress")).isEqualTo("127.0.0.1");
        JsonPath readOfCustomer = audit("actor", engineer, "subjectType", "CUSTOMER", "subjectId", customer,
                "action", "READ");
        assertThat(readOfCustomer.getMap("[0]")).doesNotContainKey("grantId");
        assertThat(readOfCustomer.getString("[0].detail")).isEqualTo("class 1 masked");
        assertThat(audit("actor", engineer, "subjectType", "REPAIR_RECORD", "subjectId", record, "action", "WRITE")
                .getList("endpoint")).containsExactly("POST /api/repairs");
    }

    @Test
    void managerWithAnApprovedGrantSeesContactsAndEveryReadIsAuditedNamingTheGrant() {
        // given
        long customer = registerCustomer();
        long grant = TestGrants.requested(manager, customer, 30);
        JsonPath before = as(manager).get("/api/customers/" + customer).then().statusCode(200).extract().jsonPath();

        // when
        JsonPath approved = TestAccounts.asTopManager().post("/api/grants/" + grant + "/approval").then().statusCode(200)
                .extract().jsonPath();
        JsonPath read = as(manager).get("/api/customers/" + customer).then().statusCode(200).extract().jsonPath();
        JsonPath listed = as(manager).queryParam("limit", 1000).get("/api/customers").then().statusCode(200)
                .extract().jsonPath();

        // then
        assertThat(before.getBoolean("classOneWithheld")).isTrue();
        assertThat(approved.getString("status")).isEqualTo("APPROVED");
        assertThat(approved.getString("decidedBy")).isEqualTo(TestAccounts.TOP_MANAGER_USERNAME);
        assertThat(read.getBoolean("classOneWithheld")).isFalse();
        assertThat(read.getLong("grantId")).isEqualTo(grant);
        assertThat(read.getString("address")).isEqualTo(ADDRESS);
        assertThat(read.getString("contacts[0].phone")).isEqualTo(PHONE);
        assertThat(read.getString("contacts[0].email")).isEqualTo(EMAIL);
        assertThat(listed.getList("findAll { it.customerId == " + customer + " }.address")).containsExactly(ADDRESS);
        JsonPath reads = audit("actor", manager, "subjectType", "CUSTOMER", "subjectId", customer, "action", "READ");
        assertThat(reads.getList("endpoint")).containsExactly("GET /api/customers", "GET /api/customers/" + customer,
                "GET /api/customers/" + customer);
        assertThat(reads.getList("grantId", Long.class)).containsExactly(grant, grant, null);
        assertThat(audit("grantId", grant).getList("action"))
                .contains("GRANT_REQUESTED", "GRANT_APPROVED", "READ");
        assertThat(as(noc).get("/api/customers/" + customer).then().statusCode(200).extract().jsonPath()
                .getBoolean("classOneWithheld")).as("a grant is personal").isTrue();
    }

    @Test
    void anExpiredGrantShowsNothingAnymore() throws SQLException {
        // given
        long customer = registerCustomer();
        long grant;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO access_grant (customer_id, requested_by, reason, requested_at, duration_minutes, status,
                                          decided_by, decided_at, expires_at)
                VALUES (?, ?, 'yesterday''s visit', now() - interval '26 hours', 60, 'APPROVED', 'admin',
                        now() - interval '25 hours', now() - interval '24 hours') RETURNING id""")) {
            st.setLong(1, customer);
            st.setString(2, manager);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                grant = rs.getLong(1);
            }
        }

        // when
        JsonPath read = as(manager).get("/api/customers/" + customer).then().statusCode(200).extract().jsonPath();
        JsonPath shown = as(manager).get("/api/grants/" + grant).then().statusCode(200).extract().jsonPath();

        // then
        assertThat(read.getBoolean("classOneWithheld")).isTrue();
        assertThat(read.getString("address")).isEqualTo("***");
        assertThat(shown.getString("status")).isEqualTo("EXPIRED");
        assertThat(as(manager).queryParam("status", "EXPIRED").get("/api/grants").then().statusCode(200)
                .extract().jsonPath().getList("grantId", Long.class)).contains(grant);
    }

    @Test
    void nobodyDecidesTheirOwnRequestOnlyTheTopManagerDecidesAndADecisionIsFinal() {
        // given
        long customer = registerCustomer();
        long own = TestAccounts.asTopManager().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer, "reason", "audit of the contract", "durationMinutes", 10))
                .post("/api/grants").then().statusCode(201).extract().jsonPath().getLong("grantId");
        long engineers = TestGrants.requested(engineer, customer, 10);

        // when / then
        TestAccounts.asTopManager().post("/api/grants/" + own + "/approval").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.endsWith("own-grant-request"));
        asAdmin().post("/api/grants/" + engineers + "/approval").then().statusCode(403);
        asAdmin().post("/api/grants/" + engineers + "/refusal").then().statusCode(403);
        as(manager).post("/api/grants/" + engineers + "/approval").then().statusCode(403);
        asAdmin().get("/api/grants/" + engineers).then().statusCode(200).body("status",
                org.hamcrest.Matchers.equalTo("REQUESTED"));
        TestAccounts.asTopManager().post("/api/grants/" + engineers + "/refusal").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("REFUSED"))
                .body("decidedBy", org.hamcrest.Matchers.equalTo(TestAccounts.TOP_MANAGER_USERNAME));
        TestAccounts.asTopManager().post("/api/grants/" + engineers + "/approval").then().statusCode(409);
        as(engineer).get("/api/customers/" + customer).then().statusCode(200).body("classOneWithheld",
                org.hamcrest.Matchers.equalTo(true));
        as(noc).get("/api/grants/" + engineers).then().statusCode(404);
        as(noc).contentType(ContentType.JSON)
                .body(Map.of("customerId", 999_999_999L, "reason", "x", "durationMinutes", 10))
                .post("/api/grants").then().statusCode(404);
        as(noc).contentType(ContentType.JSON).body(Map.of("customerId", customer, "reason", "x", "durationMinutes", 0))
                .post("/api/grants").then().statusCode(400);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditEntriesRepairRecordsAndDecidedGrants() {
        // given
        long customer = registerCustomer();
        String device = registerDevice(customer);
        long record = as(engineer).contentType(ContentType.JSON).body(repairRecord(device)).post("/api/repairs")
                .then().statusCode(201).extract().jsonPath().getLong("recordId");
        long grant = TestGrants.approved(manager, customer);

        // when / then
        assertThatThrownBy(() -> execute("UPDATE audit_entry SET actor = 'nobody' WHERE actor = '" + engineer + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("UPDATE refused");
        assertThatThrownBy(() -> execute("DELETE FROM audit_entry WHERE actor = '" + engineer + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("DELETE refused");
        assertThatThrownBy(() -> execute("TRUNCATE audit_entry")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("UPDATE repair_record SET cause = 'nothing' WHERE id = " + record))
                .isInstanceOf(SQLException.class).hasMessageContaining("UPDATE refused");
        assertThatThrownBy(() -> execute("DELETE FROM repair_record WHERE id = " + record))
                .isInstanceOf(SQLException.class).hasMessageContaining("DELETE refused");
        assertThatThrownBy(() -> execute("UPDATE access_grant SET expires_at = expires_at + interval '1 year' "
                + "WHERE id = " + grant)).isInstanceOf(SQLException.class).hasMessageContaining("UPDATE refused");
        assertThatThrownBy(() -> execute("DELETE FROM access_grant WHERE id = " + grant))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute("UPDATE customer_contact SET phone = '110' WHERE customer_id = " + customer))
                .isInstanceOf(SQLException.class).hasMessageContaining("UPDATE refused");
    }

    @Test
    void sensitiveColumnsHoldNoClearText() throws SQLException {
        // given
        long customer = registerCustomer();
        String device = registerDevice(customer);

        // when
        List<String> raw = new ArrayList<>();
        raw.addAll(column("SELECT address FROM customer WHERE id = " + customer));
        raw.addAll(column("SELECT name FROM customer_contact WHERE customer_id = " + customer));
        raw.addAll(column("SELECT phone FROM customer_contact WHERE customer_id = " + customer));
        raw.addAll(column("SELECT email FROM customer_contact WHERE customer_id = " + customer));
        raw.addAll(column("SELECT position FROM customer_contact WHERE customer_id = " + customer));
        raw.addAll(column("SELECT site_address FROM device WHERE id = '" + device + "'"));

        // then
        assertThat(raw).hasSize(6).allSatisfy(value -> assertThat(value).startsWith("fc1:current:")
                .doesNotContain("Zhao", "8765", "harbour", "Harbour", "Pier", "manager", "Depot"));
    }

    @Test
    void rowsSealedUnderARotatedOutKeyStayReadableAndTheyAndClearTextRowsAreResealedUnderTheActiveKey()
            throws SQLException {
        // given
        ArchiveCipher before = new ArchiveCipher(Map.of("old", Base64.getDecoder().decode(oldKey)), "old");
        long customer;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO customer (name, tier, address, registered_by, registered_at, retain_until)
                VALUES ('Sealed before rotation', 'B', ?, 'test', now(), current_date + 1100) RETURNING id""")) {
            st.setString(1, before.seal("Old Quay 1"));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                customer = rs.getLong(1);
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO customer_contact (customer_id, name, phone, added_by, added_at)
                VALUES (?, ?, ?, 'test', now())""")) {
            st.setLong(1, customer);
            st.setString(2, before.seal("Mr Old"));
            st.setString(3, before.seal("+86 10 0000 1111"));
            st.executeUpdate();
        }
        TestGrants.approved(manager, customer);

        JsonPath underOldKey = as(manager).get("/api/customers/" + customer).then().statusCode(200).extract()
                .jsonPath();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO customer_contact (customer_id, name, phone, added_by, added_at)
                VALUES (?, 'Ms Legacy', '+86 10 2222 3333', 'test', now())""")) {
            st.setLong(1, customer);
            st.executeUpdate();
        }

        // when
        String clearBefore = column("SELECT phone FROM customer_contact WHERE customer_id = " + customer
                + " ORDER BY id").get(1);
        int resealed = resealing.reseal();
        JsonPath underNewKey = as(manager).get("/api/customers/" + customer).then().statusCode(200).extract()
                .jsonPath();

        // then
        assertThat(underOldKey.getString("address")).isEqualTo("Old Quay 1");
        assertThat(underOldKey.getString("contacts[0].phone")).isEqualTo("+86 10 0000 1111");
        assertThat(clearBefore).as("written before sealing existed").isEqualTo("+86 10 2222 3333");
        assertThat(resealed).isGreaterThanOrEqualTo(3);
        assertThat(column("SELECT address FROM customer WHERE id = " + customer)).singleElement()
                .asString().startsWith("fc1:current:");
        assertThat(column("SELECT phone FROM customer_contact WHERE customer_id = " + customer)).hasSize(2)
                .allSatisfy(phone -> assertThat(phone).startsWith("fc1:current:"));
        assertThat(underNewKey.getString("address")).isEqualTo("Old Quay 1");
        assertThat(underNewKey.getList("contacts.name")).containsExactly("Mr Old", "Ms Legacy");
        assertThat(underNewKey.getList("contacts.phone")).containsExactly("+86 10 0000 1111", "+86 10 2222 3333");
        assertThat(new ArchiveCipher(Map.of("current", Base64.getDecoder().decode(currentKey)), "current")
                .open(column("SELECT address FROM customer WHERE id = " + customer).get(0))).isEqualTo("Old Quay 1");
    }

    @Test
    void everyColumnOfTheArchiveDevicesAndRecordsIsClassified() throws SQLException {
        // given
        List<String> unclassified = new ArrayList<>();

        // when
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT table_name, column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name IN
                              ('customer', 'customer_contact', 'device', 'repair_record', 'repair_part',
                               'repair_amendment')""")) {
            while (rs.next()) {
                if (ArchiveField.of(rs.getString(1), rs.getString(2)).isEmpty()) {
                    unclassified.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }

        // then
        assertThat(unclassified).as("columns missing from ArchiveField").isEmpty();
    }

    @Test
    void onlyThePurgeDeletesWhatIsPastItsRetentionAndItIsAudited() throws SQLException {
        // given
        long expired = insertExpiredCustomer();
        long kept = registerCustomer();
        String device = registerDevice(kept);
        long oldRecord;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO repair_record (kind, device_id, symptom, cause, work_done, test_result, minutes_spent,
                                           engineer, performed_at, recorded_at)
                VALUES ('REPAIR', ?, 'old', 'old', 'old', 'old', 10, 'test', now() - interval '4 years',
                        now() - interval '4 years') RETURNING id""")) {
            st.setString(1, device);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                oldRecord = rs.getLong(1);
            }
        }
        assertThatThrownBy(() -> execute("DELETE FROM customer_contact WHERE customer_id = " + expired))
                .isInstanceOf(SQLException.class).hasMessageContaining("only by the purge job");
        assertThatThrownBy(() -> execute("DELETE FROM repair_record WHERE id = " + oldRecord))
                .isInstanceOf(SQLException.class).hasMessageContaining("only by the purge job");

        // when
        JsonPath report = asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "yearly purge"))
                .post("/api/archive/purge").then().statusCode(200).extract().jsonPath();

        // then
        assertThat(report.getList("customers", Long.class)).contains(expired).doesNotContain(kept);
        assertThat(report.getList("repairRecords", Long.class)).contains(oldRecord);
        assertThat(column("SELECT id::text FROM customer WHERE id IN (" + expired + ", " + kept + ")"))
                .containsExactly(Long.toString(kept));
        assertThat(column("SELECT id::text FROM repair_record WHERE id = " + oldRecord)).isEmpty();
        assertThat(audit("action", "PURGE", "subjectType", "CUSTOMER", "subjectId", expired).getList("detail"))
                .containsExactly("yearly purge");
        as(manager).contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/api/archive/purge")
                .then().statusCode(403);
    }

    private long insertExpiredCustomer() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long id;
            try (ResultSet rs = st.executeQuery("""
                    INSERT INTO customer (name, tier, registered_by, registered_at, retain_until)
                    VALUES ('customer of long ago', 'C', 'test', now() - interval '4 years', current_date - 2)
                    RETURNING id""")) {
                rs.next();
                id = rs.getLong(1);
            }
            ArchiveCipher cipher = new ArchiveCipher(Map.of("current", Base64.getDecoder().decode(currentKey)), "current");
            st.executeUpdate("INSERT INTO customer_contact (customer_id, name, phone, added_by, added_at) VALUES ("
                    + id + ", '" + cipher.seal("Mr Long Ago") + "', '" + cipher.seal("+86 1") + "', 'test', "
                    + "now() - interval '4 years')");
            return id;
        }
    }

    private JsonPath audit(Object... filters) {
        RequestSpecification request = asAdmin();
        for (int i = 0; i < filters.length; i += 2) {
            request = request.queryParam((String) filters[i], filters[i + 1]);
        }
        return request.get("/api/audit").then().statusCode(200).extract().jsonPath();
    }

    private long registerCustomer() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Harbour Terminals " + UUID.randomUUID().toString().substring(0, 6));
        body.put("tier", "A");
        body.put("kind", "BUSINESS");
        body.put("address", ADDRESS);
        body.put("contacts", List.of(Map.of("name", "Ms Zhao", "position", "site manager", "phone", PHONE,
                "email", EMAIL)));
        return as(manager).contentType(ContentType.JSON).body(body).post("/api/customers")
                .then().statusCode(201).extract().jsonPath().getLong("customerId");
    }

    private String registerDevice(long customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", "CP-SEC-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("deviceType", "EV_CHARGER");
        body.put("model", "DC-60");
        body.put("serial", "SN-" + UUID.randomUUID());
        body.put("siteAddress", SITE);
        body.put("producedOn", "2025-01-10");
        body.put("customerId", customerId);
        return as(manager).contentType(ContentType.JSON).body(body).post("/api/devices")
                .then().statusCode(201).extract().path("deviceId");
    }

    private static Map<String, Object> repairRecord(String deviceId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "REPAIR");
        body.put("deviceId", deviceId);
        body.put("symptom", "does not start charging");
        body.put("cause", "contactor welded");
        body.put("workDone", "contactor replaced");
        body.put("testResult", "charged a test vehicle for 10 minutes");
        body.put("minutesSpent", 60);
        body.put("performedAt", "2026-03-02T06:30:00Z");
        return body;
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private int execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    private static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
