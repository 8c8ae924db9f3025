package io.fleetcare.api.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;
import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestDevices;
import io.fleetcare.api.TestSmtp;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.Severity;
import io.fleetcare.events.Topics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, acceptance 1, 2 and 4, against the real platform: alerts arrive over Kafka, e-mails go to a real SMTP
 * server (GreenMail), webhooks to a real HTTP server of the test. Time is moved forward by evaluating the rules at a
 * chosen instant ({@link NotificationDispatcher#evaluate}); nothing waits minutes.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotificationsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "webhook-secret-of-the-test";

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;
    private final List<Long> rules = new ArrayList<>();
    private final List<HttpServer> receivers = new ArrayList<>();
    private String manager;
    private String noc;
    private String engineer;
    private String tag;

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        manager = TestAccounts.ensure(accountService, accounts, "nt-manager", Role.SERVICE_MANAGER);
        noc = TestAccounts.ensure(accountService, accounts, "nt-noc", Role.NOC_OPERATOR);
        engineer = TestAccounts.ensure(accountService, accounts, "nt-engineer", Role.FIELD_ENGINEER);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        rules.forEach(id -> as(manager).delete("/api/notification-rules/" + id));
        receivers.forEach(r -> r.stop(0));
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void anUnacknowledgedMajorAlertEscalatesToTheSecondLevelAfterItsDelayAndOnlyOnce() throws Exception {
        // given
        String level1 = "noc-" + tag + "@notify.example";
        String level2 = "lead-" + tag + "@notify.example";
        String ruleId = "nt.rule-" + tag;
        rule(Map.of("name", "major " + tag, "trigger", "ALERT", "severity", "MAJOR", "alertRuleId", ruleId,
                "levels", List.of(level(0, email(level1)), level(5, email(level2)))));
        String alertId = raise(ruleId, Severity.MAJOR, "fan stopped");
        Instant received = receivedAt(alertId);

        // when / then: level 1 at once, level 2 not before 5 minutes, then once
        dispatcher.evaluate(received.plusSeconds(1));
        assertThat(mailsTo(level1)).hasSize(1);
        dispatcher.evaluate(received.plus(4, ChronoUnit.MINUTES));
        assertThat(mailsTo(level2)).isEmpty();
        dispatcher.evaluate(received.plus(6, ChronoUnit.MINUTES));
        dispatcher.evaluate(received.plus(7, ChronoUnit.MINUTES));

        assertThat(mailsTo(level2)).hasSize(1);
        assertThat(mailsTo(level2).get(0).getSubject()).contains("[MAJOR]", "level 2", "not acknowledged");
        assertThat(mailsTo(level1)).hasSize(1);
        List<Map<String, Object>> record = as(noc).get("/api/alerts/" + alertId + "/notifications").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(record).extracting(r -> r.get("level") + " " + r.get("recipient") + " " + r.get("status"))
                .containsExactly("1 " + level1 + " SENT", "2 " + level2 + " SENT");
        assertThat(record).extracting(r -> r.get("reason")).containsExactly("ALERT_RAISED", "ESCALATION");
    }

    @Test
    void acknowledgingInTimeStopsTheEscalation() throws Exception {
        // given
        String level1 = "noc-" + tag + "@notify.example";
        String level2 = "lead-" + tag + "@notify.example";
        String ruleId = "nt.rule-" + tag;
        rule(Map.of("name", "major " + tag, "trigger", "ALERT", "severity", "MAJOR", "alertRuleId", ruleId,
                "levels", List.of(level(0, email(level1)), level(5, email(level2)))));
        String alertId = raise(ruleId, Severity.MAJOR, "fan stopped");
        Instant received = receivedAt(alertId);
        dispatcher.evaluate(received.plusSeconds(1));

        // when
        as(noc).contentType(ContentType.JSON).body(Map.of("comment", "on it"))
                .post("/api/alerts/" + alertId + "/acknowledgement").then().statusCode(200);
        dispatcher.evaluate(received.plus(6, ChronoUnit.MINUTES));
        dispatcher.evaluate(received.plus(60, ChronoUnit.MINUTES));

        // then
        assertThat(mailsTo(level1)).hasSize(1);
        assertThat(mailsTo(level2)).isEmpty();
        assertThat(as(noc).get("/api/alerts/" + alertId + "/notifications").then().statusCode(200).extract()
                .jsonPath().getList("level", Integer.class)).containsExactly(1);
    }

    @Test
    void anSlaWarningAndTheAutomaticEscalationHappenAtTheConfiguredPoints() throws Exception {
        // given: warn at 75 %; the answer clock (12 h) runs out first
        String supervisor = "supervisor-" + tag + "@notify.example";
        String supervisorAccount = TestAccounts.ensure(accountService, accounts, "nt-supervisor", Role.SERVICE_MANAGER);
        rule(Map.of("name", "sla " + tag, "trigger", "SLA", "slaWarnPercent", 75, "levels",
                List.of(level(0, email(supervisor), Map.of("channel", "IN_APP", "address", supervisorAccount)))));
        TestDevices.register(manager, "NT-CP-" + tag, "EV_CHARGER", "AC-22");
        String number = as(manager).contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "deviceId",
                "NT-CP-" + tag, "deviceType", "EV_CHARGER", "problem", "no charging", "severity", "MAJOR"))
                .post("/api/tickets").then().statusCode(201).extract().path("number");
        Instant from = Instant.now().plus(1, ChronoUnit.HOURS);
        as(manager).contentType(ContentType.JSON).body(Map.of("engineer", engineer, "from", from.toString(), "to",
                from.plus(2, ChronoUnit.HOURS).toString())).put("/api/tickets/{n}/assignment", number).then()
                .statusCode(200);
        JsonPath ticket = ticket(number);
        Instant opened = Instant.parse(ticket.getString("openedAt"));
        Instant answerBy = Instant.parse(ticket.getString("sla.answerBy"));
        Instant warningAt = opened.plusMillis(Duration.between(opened, answerBy).toMillis() * 75 / 100);

        // when / then: nothing just before 75 %
        dispatcher.evaluate(warningAt.minusSeconds(60));
        assertThat(mailsTo(supervisor)).isEmpty();

        // at 75 %: the supervisor and the assignee are warned, the ticket stays where it is
        dispatcher.evaluate(warningAt);
        assertThat(mailsTo(supervisor)).hasSize(1);
        assertThat(mailsTo(supervisor).get(0).getSubject()).contains(number, "75 % of answerBy");
        assertThat(ticket(number).getString("status")).isEqualTo("REGISTERED");
        assertThat(inbox(engineer)).anySatisfy(n -> assertThat(n).contains(number, "75 % of answerBy"));
        assertThat(inbox(supervisorAccount)).anySatisfy(n -> assertThat(n).contains(number));

        // at the breach: ESCALATED by itself, with the reason, and told once
        dispatcher.evaluate(answerBy);
        dispatcher.evaluate(answerBy.plusSeconds(60));
        JsonPath escalated = ticket(number);
        assertThat(escalated.getString("status")).isEqualTo("ESCALATED");
        Map<String, Object> last = escalated.getMap("transitions[-1]");
        assertThat(last.get("to")).isEqualTo("ESCALATED");
        assertThat((String) last.get("reason")).contains("SLA answerBy breached at " + answerBy);
        assertThat(last.get("by")).isEqualTo("sla-watch");
        assertThat(mailsTo(supervisor)).hasSize(2);
        assertThat(mailsTo(supervisor).get(1).getSubject()).contains("answerBy breached", "ESCALATED");
        List<String> reasons = as(engineer).get("/api/tickets/" + number + "/notifications").then().statusCode(200)
                .extract().jsonPath().getList("reason", String.class);
        assertThat(reasons).containsExactly("SLA_WARNING", "SLA_WARNING", "SLA_WARNING", "SLA_BREACH", "SLA_BREACH",
                "SLA_BREACH");
    }

    @Test
    void aWebhookFailingThreeTimesThenSucceedingGetsExactlyOneDeliveryWithAValidSignature() throws Exception {
        // given: the receiver answers 500 three times, then 200
        AtomicInteger calls = new AtomicInteger();
        List<byte[]> accepted = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        List<String> deliveryIds = new CopyOnWriteArrayList<>();
        String url = receiver(exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            deliveryIds.add(exchange.getRequestHeaders().getFirst(WebhookSignature.DELIVERY_HEADER));
            int status = calls.incrementAndGet() <= 3 ? 500 : 200;
            if (status == 200) {
                accepted.add(body);
                signatures.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        String ruleId = "nt.hook-" + tag;
        rule(Map.of("name", "hook " + tag, "trigger", "ALERT", "alertRuleId", ruleId, "levels",
                List.of(level(0, Map.of("channel", "WEBHOOK", "address", url, "secret", SECRET)))));
        String alertId = raise(ruleId, Severity.MAJOR, "door open");
        Instant received = receivedAt(alertId);

        // when: evaluations after each wait of the backoff (30 s, 2 min, 10 min), then much later
        Instant at = received.plusSeconds(1);
        dispatcher.evaluate(at);
        for (Duration wait : List.of(Duration.ofSeconds(31), Duration.ofSeconds(121), Duration.ofSeconds(601),
                Duration.ofHours(2))) {
            at = at.plus(wait);
            dispatcher.evaluate(at);
        }

        // then
        assertThat(calls.get()).isEqualTo(4);
        assertThat(accepted).hasSize(1);
        assertThat(WebhookSignature.verifies(SECRET, accepted.get(0), signatures.get(0))).isTrue();
        assertThat(WebhookSignature.verifies("another-secret-entirely", accepted.get(0), signatures.get(0))).isFalse();
        assertThat(new JsonPath(new String(accepted.get(0))).getString("subjectId")).isEqualTo(alertId);
        assertThat(deliveryIds).hasSize(4).containsOnly(deliveryIds.get(0));
        Map<String, Object> record = as(noc).get("/api/alerts/" + alertId + "/notifications").then().statusCode(200)
                .extract().jsonPath().getMap("[0]");
        assertThat(record.get("status")).isEqualTo("SENT");
        assertThat(record.get("attempts")).isEqualTo(4);
        assertThat(record.get("channel")).isEqualTo("WEBHOOK");
    }

    @Test
    void aWebhookThatNeverAcceptsEndsOnTheDeadLetterListForAdministrators() throws Exception {
        // given
        AtomicInteger calls = new AtomicInteger();
        String url = receiver(exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        String ruleId = "nt.dead-" + tag;
        rule(Map.of("name", "dead " + tag, "trigger", "ALERT", "alertRuleId", ruleId, "levels",
                List.of(level(0, Map.of("channel", "WEBHOOK", "address", url, "secret", SECRET)))));
        Instant at = Instant.now();
        String alertId = raise(ruleId, Severity.MINOR, "door open");

        // when: far more evaluations than attempts
        for (int i = 0; i < 8; i++) {
            dispatcher.evaluate(at);
            at = at.plus(Duration.ofHours(2));
        }

        // then: five attempts (four waits), then the dead-letter list
        assertThat(calls.get()).isEqualTo(5);
        List<Map<String, Object>> dead = as(TestAccounts.ADMIN_USERNAME).get("/api/notifications/dead-letters")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(dead).anySatisfy(d -> {
            assertThat(d.get("subjectId")).isEqualTo(alertId);
            assertThat(d.get("attempts")).isEqualTo(5);
            assertThat((String) d.get("lastError")).contains("HTTP 503");
        });
        as(manager).get("/api/notifications/dead-letters").then().statusCode(403);
    }

    @Test
    void aRuleWithAnUnknownChannelAnInvalidAddressOrADelayBelowTheMinimumIsRefusedWithTheProblem() {
        // when / then
        refused(Map.of("name", "pager", "trigger", "ALERT", "levels",
                List.of(level(0, Map.of("channel", "PAGER", "address", "4711")))),
                "levels[0].targets[0].channel 'PAGER' is unknown");
        refused(Map.of("name", "address", "trigger", "ALERT", "levels",
                List.of(level(0, email("nobody-at-example.com")))),
                "levels[0].targets[0].address 'nobody-at-example.com' is no valid e-mail address");
        refused(Map.of("name", "delay", "trigger", "ALERT", "levels",
                List.of(level(0, email("a@notify.example")), level(0, email("b@notify.example")))),
                "levels[1].afterMinutes 0 is below the minimum delay of 1 minute(s)");
        refused(Map.of("name", "hook", "trigger", "ALERT", "levels",
                List.of(level(0, Map.of("channel", "WEBHOOK", "address", "http://127.0.0.1:9/x")))),
                "levels[0].targets[0].secret is required for a webhook");
        as(manager).get("/api/notification-rules").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItems("pager", "address", "delay")));
    }

    @Test
    void aStoredRuleShowsNoWebhookSecretAndTheSecretIsSealedAtRest() throws Exception {
        // given
        String url = "http://127.0.0.1:9/hook-" + tag;
        long id = rule(Map.of("name", "sealed " + tag, "trigger", "ALERT", "levels",
                List.of(level(0, Map.of("channel", "WEBHOOK", "address", url, "secret", SECRET)))));

        // when
        String listed = as(manager).get("/api/notification-rules").then().statusCode(200).extract().asString();
        String stored = sealedSecretOf(id);

        // then
        assertThat(listed).contains(url).doesNotContain(SECRET);
        assertThat(stored).startsWith("fc1:").doesNotContain(SECRET);
    }

    @Test
    void scheduledVisitTellsTheCustomersContactTimeAndPlaceReadUnderTheEngineersGrantAndAudited() throws Exception {
        // given: a private customer's charger at home, a case assigned to the engineer
        String contactEmail = "wang.fang." + tag + "@mail.example";
        String site = "Garage 3, Osmanthus Court " + tag + ", Suzhou";
        long customerId = as(manager).contentType(ContentType.JSON).body(Map.of("name", "Wang Fang " + tag, "tier",
                "B", "address", "Flat 5, Osmanthus Court " + tag, "contacts", List.of(Map.of("name", "Wang Fang " + tag,
                        "phone", "+86 139 0000 " + (1000 + (int) (Math.random() * 8999)), "email", contactEmail))))
                .post("/api/customers").then().statusCode(201).extract().jsonPath().getLong("customerId");
        String deviceId = "NT-HOME-" + tag;
        Map<String, Object> device = new HashMap<>();
        device.put("deviceId", deviceId);
        device.put("deviceType", "EV_CHARGER");
        device.put("model", "HOME-7");
        device.put("serial", "SN-NT-" + tag);
        device.put("siteAddress", site);
        device.put("producedOn", "2025-03-01");
        device.put("soldOn", "2025-04-01");
        device.put("installedOn", "2025-04-10");
        device.put("commissioning", Map.of("on", "2025-04-11", "report", "7 kW wallbox", "acceptedBy", "Wang Fang"));
        device.put("customerId", customerId);
        device.put("components", List.of(Map.of("name", "charging module", "warrantyMonths", 24)));
        as(manager).contentType(ContentType.JSON).body(device).post("/api/devices").then().statusCode(201);
        String number = as(manager).contentType(ContentType.JSON).body(Map.of("channel", "PHONE", "deviceId",
                deviceId, "deviceType", "EV_CHARGER", "problem", "does not start", "severity", "MAJOR"))
                .post("/api/tickets").then().statusCode(201).extract().path("number");
        Instant from = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        as(manager).contentType(ContentType.JSON).body(Map.of("engineer", engineer, "from", from.toString(), "to",
                from.plus(2, ChronoUnit.HOURS).toString())).put("/api/tickets/{n}/assignment", number).then()
                .statusCode(200);
        as(manager).contentType(ContentType.JSON).body(Map.of("to", "ACKNOWLEDGED"))
                .post("/api/tickets/{n}/transitions", number).then().statusCode(200);

        // when
        as(manager).contentType(ContentType.JSON).body(Map.of("to", "SCHEDULED"))
                .post("/api/tickets/{n}/transitions", number).then().statusCode(200);

        // then: the contact is told time and place
        await().atMost(WAIT).untilAsserted(() -> assertThat(mailsTo(contactEmail)).hasSize(1));
        String text = GreenMailUtil.getBody(mailsTo(contactEmail).get(0));
        assertThat(text).contains(number, site);
        assertThat(mailsTo(contactEmail).get(0).getSubject()).contains(number);
        // the record shows the notice, the contact only masked
        await().atMost(WAIT).untilAsserted(() -> assertThat(as(engineer).get("/api/tickets/" + number
                + "/notifications").then().statusCode(200).extract().jsonPath().getList("reason", String.class))
                .contains("APPOINTMENT"));
        Map<String, Object> notice = as(engineer).get("/api/tickets/" + number + "/notifications").then()
                .extract().jsonPath().getMap("find { it.reason == 'APPOINTMENT' }");
        assertThat(notice.get("status")).isEqualTo("SENT");
        assertThat((String) notice.get("recipient")).doesNotContain(contactEmail).doesNotContain("wang.fang");
        // the contact was read under the engineer's grant, and the notice is audited on the ticket
        List<Map<String, Object>> reads = as(TestAccounts.ADMIN_USERNAME).queryParam("actor", engineer)
                .queryParam("action", "READ").queryParam("subjectId", Long.toString(customerId)).get("/api/audit")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(reads).isNotEmpty().allSatisfy(r -> assertThat(r.get("grantId")).isNotNull());
        List<String> written = as(TestAccounts.ADMIN_USERNAME).queryParam("subjectType", "TICKET")
                .queryParam("subjectId", number).queryParam("action", "WRITE").get("/api/audit").then()
                .statusCode(200).extract().jsonPath().getList("detail", String.class);
        assertThat(written).anySatisfy(d -> assertThat(d).contains("appointment notice SENT"));
    }

    @Inject
    javax.sql.DataSource dataSource;

    private String sealedSecretOf(long ruleId) throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT sealed_secret FROM notification_target WHERE rule_id = ?")) {
            s.setLong(1, ruleId);
            try (var r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    private void refused(Map<String, Object> rule, String problem) {
        String detail = as(manager).contentType(ContentType.JSON).body(rule).post("/api/notification-rules").then()
                .statusCode(400).contentType("application/problem+json").extract().path("detail");
        assertThat(detail).contains(problem);
    }

    private long rule(Map<String, Object> rule) {
        long id = as(manager).contentType(ContentType.JSON).body(rule).post("/api/notification-rules").then()
                .statusCode(201).extract().jsonPath().getLong("ruleId");
        rules.add(id);
        return id;
    }

    private static Map<String, Object> level(int afterMinutes, Map<?, ?>... targets) {
        return Map.of("afterMinutes", afterMinutes, "targets", Arrays.asList(targets));
    }

    private static Map<String, Object> email(String address) {
        return Map.of("channel", "EMAIL", "address", address);
    }

    private String raise(String ruleId, Severity severity, String message) throws Exception {
        String alertId = "nt-alert-" + UUID.randomUUID();
        String device = "NT-STB-" + tag;
        Instant ts = Instant.now();
        Alert alert = new Alert(alertId, device, DeviceType.SET_TOP_BOX, "STB-4K-200", ruleId, severity,
                Alert.State.RAISED, ts.minusSeconds(60), ts, message, List.of(Evidence.reading(ts, "fan_rpm", 0)));
        producer.send(new ProducerRecord<>(Topics.DEVICE_ALERTS, device, EventCodec.encode(alert))).get();
        await().atMost(WAIT).untilAsserted(() -> as(noc).get("/api/alerts/" + alertId).then().statusCode(200));
        return alertId;
    }

    /** When the service took the alert in: its escalation delays count from then, not from the test's clock. */
    private Instant receivedAt(String alertId) {
        return Instant.parse(as(noc).get("/api/alerts/" + alertId).then().statusCode(200).extract()
                .path("receivedAt"));
    }

    private String receiver(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", handler);
        server.start();
        receivers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage m : TestSmtp.server().getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(m.getRecipients(
                    Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                to.add(m);
            }
        }
        return to;
    }

    private List<String> inbox(String username) {
        return as(username).get("/api/notifications/mine").then().statusCode(200).extract().jsonPath()
                .getList("title", String.class);
    }

    private JsonPath ticket(String number) {
        return as(manager).get("/api/tickets/" + number).then().statusCode(200).extract().jsonPath();
    }

    static RequestSpecification as(String username) {
        String password = username.equals(TestAccounts.ADMIN_USERNAME) ? TestAccounts.ADMIN_PASSWORD
                : TestAccounts.passwordOf(username);
        return given().auth().preemptive().basic(username, password);
    }
}
