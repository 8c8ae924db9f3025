package io.fleetcare.api.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.Severity;
import io.fleetcare.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
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
 * Alerts published on the real Kafka topic are stored in the real PostgreSQL, read, acknowledged, commented,
 * taken to tickets and streamed to NOC clients over server-sent events.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AlertsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RULE = "stb.cpu-overheat";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/api/alerts/stream")
    URI streamUri;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    MeterRegistry meters;

    @Inject
    DataSource dataSource;

    private KafkaProducer<String, byte[]> producer;
    private String noc;
    private String engineer;
    private String manager;

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        noc = TestAccounts.ensure(accountService, accounts, "al-noc", Role.NOC_OPERATOR);
        engineer = TestAccounts.ensure(accountService, accounts, "al-engineer", Role.FIELD_ENGINEER);
        manager = TestAccounts.ensure(accountService, accounts, "al-manager", Role.SERVICE_MANAGER);
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void raisedThenClearedAlertIsStoredOnceWithItsStateAndEvidenceAndAReplayChangesNothing() {
        // given
        String device = newDevice();
        String alertId = "alert-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        Alert raised = alert(alertId, device, Alert.State.RAISED, start, start.plusSeconds(300), 91.2);
        Alert cleared = alert(alertId, device, Alert.State.CLEARED, start, start.plusSeconds(900), 70.0);

        // when
        publish(device, EventCodec.encode(raised));
        publish(device, EventCodec.encode(cleared));

        // then
        JsonPath alert = awaitAlert(alertId, "CLEARED");
        assertThat(alert.getString("deviceId")).isEqualTo(device);
        assertThat(alert.getString("deviceType")).isEqualTo("SET_TOP_BOX");
        assertThat(alert.getString("ruleId")).isEqualTo(RULE);
        assertThat(alert.getString("severity")).isEqualTo("MAJOR");
        assertThat(alert.getString("episodeStart")).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(alert.getString("raisedAt")).isEqualTo("2026-11-24T10:05:00Z");
        assertThat(alert.getString("clearedAt")).isEqualTo("2026-11-24T10:15:00Z");
        assertThat(alert.getList("evidence.value", Double.class)).containsExactly(91.2);
        assertThat(alert.getList("evidence.metric", String.class)).containsExactly("cpu_temp_c");
        assertThat(alert.getMap("evidence[0]")).doesNotContainKey("text");
        assertThat(alert.getList("clearedEvidence.value", Double.class)).containsExactly(70.0);

        // when: the same two messages again, then a marker alert behind them on the same partition
        double unchangedBefore = count("unchanged");
        publish(device, EventCodec.encode(raised));
        publish(device, EventCodec.encode(cleared));
        String marker = "alert-" + UUID.randomUUID();
        publish(device, EventCodec.encode(alert(marker, device, Alert.State.RAISED, start, start, 90.0)));

        // then
        awaitAlert(marker, "RAISED");
        assertThat(count("unchanged")).isEqualTo(unchangedBefore + 2);
        assertThat(get(alertId).getMap("$")).isEqualTo(alert.getMap("$"));
        as(noc).queryParam("deviceId", device).get("/api/alerts").then().statusCode(200)
                .body("alertId", org.hamcrest.Matchers.hasItems(alertId, marker))
                .body("size()", org.hamcrest.Matchers.is(2));
    }

    @Test
    void anAlertAboutAPlatformComponentIsStoredAndListedAsSuch() {
        // given: the gateway's broker drop watch names the broker, not a device
        String broker = "mqtt-broker@10.0.0." + UUID.randomUUID().toString().substring(0, 4) + ":1883";
        String alertId = "alert-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-12-07T16:00:00Z");
        Alert raised = new Alert(alertId, broker, DeviceType.PLATFORM_COMPONENT, null,
                "platform.broker-messages-dropped", Severity.MAJOR, Alert.State.RAISED, start, start,
                "MQTT broker " + broker + " dropped 20 messages", List.of(Evidence.reading(start,
                        "broker.messages_dropped", 20)));

        // when
        publish(broker, EventCodec.encode(raised));

        // then
        JsonPath alert = awaitAlert(alertId, "RAISED");
        assertThat(alert.getString("deviceId")).isEqualTo(broker);
        assertThat(alert.getString("deviceType")).isEqualTo("PLATFORM_COMPONENT");
        assertThat(alert.getString("message")).contains("dropped 20 messages");
        assertThat(alert.getList("evidence.value", Double.class)).containsExactly(20.0);
        assertThat(list(Map.of("deviceId", broker))).containsExactly(alertId);
    }

    @Test
    void clearedArrivingBeforeRaisedEndsClearedWithBothTimes() {
        // given
        String device = newDevice();
        String alertId = "alert-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-11-24T11:00:00Z");

        // when
        publish(device, EventCodec.encode(alert(alertId, device, Alert.State.CLEARED, start, start.plusSeconds(600), 70.0)));
        publish(device, EventCodec.encode(alert(alertId, device, Alert.State.RAISED, start, start.plusSeconds(60), 92.0)));

        // then
        await().atMost(WAIT).untilAsserted(() -> assertThat(get(alertId).getString("raisedAt")).isNotNull());
        JsonPath alert = get(alertId);
        assertThat(alert.getString("state")).isEqualTo("CLEARED");
        assertThat(alert.getString("raisedAt")).isEqualTo("2026-11-24T11:01:00Z");
        assertThat(alert.getString("clearedAt")).isEqualTo("2026-11-24T11:10:00Z");
        assertThat(alert.getList("evidence.value", Double.class)).containsExactly(92.0);
    }

    @Test
    void malformedRecordsAreCountedAndSkippedAndALaterAlertIsStillStored() {
        // given
        String device = newDevice();
        double malformedBefore = count("malformed");
        Alert noRule = new Alert("alert-" + UUID.randomUUID(), device, DeviceType.SET_TOP_BOX, null, null,
                Severity.MAJOR, Alert.State.RAISED, Instant.now(), Instant.now(), "no rule", List.of());

        // when
        publish(device, "{not json".getBytes(StandardCharsets.UTF_8));
        publish(device, EventCodec.encode(noRule));
        publish(device, null);
        String valid = "alert-" + UUID.randomUUID();
        publish(device, EventCodec.encode(alert(valid, device, Alert.State.RAISED, Instant.now(), Instant.now(), 95.0)));

        // then
        awaitAlert(valid, "RAISED");
        assertThat(count("malformed")).isEqualTo(malformedBefore + 3);
        as(noc).get("/api/alerts/" + noRule.alertId()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listIsFilteredByStateSeverityRuleAndSinceNewestFirst() {
        // given
        String device = newDevice();
        String older = storedAlert(device, Alert.State.RAISED, Instant.parse("2026-11-20T08:00:00Z"));
        String newer = storedAlert(device, Alert.State.RAISED, Instant.parse("2026-11-21T08:00:00Z"));
        String cleared = storedAlert(device, Alert.State.CLEARED, Instant.parse("2026-11-22T08:00:00Z"));

        // then
        assertThat(list(Map.of("deviceId", device))).containsExactly(cleared, newer, older);
        assertThat(list(Map.of("deviceId", device, "state", "RAISED"))).containsExactly(newer, older);
        assertThat(list(Map.of("deviceId", device, "state", "cleared"))).containsExactly(cleared);
        assertThat(list(Map.of("deviceId", device, "since", "2026-11-21T08:00:00Z"))).containsExactly(cleared, newer);
        assertThat(list(Map.of("deviceId", device, "severity", "CRITICAL"))).isEmpty();
        assertThat(list(Map.of("deviceId", device, "ruleId", RULE, "limit", "1"))).containsExactly(cleared);
        for (Map<String, String> bad : List.of(Map.of("state", "OPEN"), Map.of("severity", "HIGH"),
                Map.of("since", "yesterday"), Map.of("limit", "0"), Map.of("limit", "1001"))) {
            as(noc).queryParams(bad).get("/api/alerts").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void acknowledgementAndCommentsAreRecordedOnceWithAuthorAndCannotBeChangedInTheDatabase() {
        // given
        String alertId = storedAlert(newDevice(), Alert.State.RAISED, Instant.now());

        // when
        as(noc).contentType(ContentType.JSON).body("{\"comment\":\"looking into it\"}")
                .post("/api/alerts/" + alertId + "/acknowledgement").then().statusCode(200)
                .body("acknowledgement.by", org.hamcrest.Matchers.is(noc));
        as(manager).contentType(ContentType.JSON).body("{\"comment\":\"customer called as well\"}")
                .post("/api/alerts/" + alertId + "/comments").then().statusCode(200);

        // then
        JsonPath alert = get(alertId);
        assertThat(alert.getString("acknowledgement.comment")).isEqualTo("looking into it");
        assertThat(Instant.parse(alert.getString("acknowledgement.at"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(alert.getList("notes.kind", String.class)).containsExactly("ACKNOWLEDGEMENT", "COMMENT");
        assertThat(alert.getList("notes.by", String.class)).containsExactly(noc, manager);
        as(manager).contentType(ContentType.JSON).body("{}")
                .post("/api/alerts/" + alertId + "/acknowledgement").then().statusCode(409)
                .contentType("application/problem+json");
        as(noc).contentType(ContentType.JSON).body("{\"comment\":\"  \"}")
                .post("/api/alerts/" + alertId + "/comments").then().statusCode(400);
        for (String sql : List.of("update alert_note set comment = 'rewritten' where alert_id = ?",
                "update alert_note set author = 'someone-else' where alert_id = ?",
                "delete from alert_note where alert_id = ?")) {
            assertThatThrownBy(() -> execute(sql, alertId)).as(sql)
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(get(alertId).getList("notes.by", String.class)).containsExactly(noc, manager);
    }

    @Test
    void ticketFromAnAlertIsOpenedOnceAndASecondAlertOfTheSameDeviceAndRuleJoinsIt() {
        // given
        String device = newDevice();
        String first = storedAlert(device, Alert.State.RAISED, Instant.now());
        String second = storedAlert(device, Alert.State.RAISED, Instant.now().plusSeconds(1));

        // when
        io.restassured.response.Response created = as(noc).post("/api/alerts/" + first + "/ticket");

        // then
        created.then().statusCode(201);
        JsonPath ticket = created.jsonPath();
        assertThat(created.header("Location")).endsWith("/api/tickets/" + ticket.getString("number"));

        assertThat(ticket.getString("status")).isEqualTo("REGISTERED");
        assertThat(ticket.getString("channel")).isEqualTo("TELEMETRY");
        assertThat(ticket.getString("deviceId")).isEqualTo(device);
        assertThat(ticket.getString("ruleId")).isEqualTo(RULE);
        assertThat(ticket.getString("priority")).isEqualTo("P2");
        assertThat(ticket.getList("evidence.metric", String.class)).containsExactly("cpu_temp_c");
        assertThat(ticket.getList("sourceRequestIds", String.class)).containsExactly("alert:" + first);
        String number = ticket.getString("number");
        as(manager).post("/api/alerts/" + first + "/ticket").then().statusCode(200)
                .body("number", org.hamcrest.Matchers.is(number));
        as(manager).post("/api/alerts/" + second + "/ticket").then().statusCode(200)
                .body("number", org.hamcrest.Matchers.is(number))
                .body("sourceRequestIds", org.hamcrest.Matchers.contains("alert:" + first, "alert:" + second));
        as(noc).queryParam("deviceId", device).get("/api/tickets").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(1));
        assertThat(get(first).getList("notes.ticketNumber", String.class)).containsExactly(number);
        as(noc).post("/api/alerts/alert-unknown-" + UUID.randomUUID() + "/ticket").then().statusCode(404);
    }

    @Test
    void streamClientReceivesAnAlertProducedAfterItConnected() throws Exception {
        // given
        String device = newDevice();
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(streamUri)
                .header("Accept", "text/event-stream")
                .header("Authorization", basic(engineer))
                .GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> connecting = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        // the server may hold its headers back until the first event, so prod it until the stream is open
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!connecting.isDone()) {
                storedAlert(device, Alert.State.RAISED, Instant.now());
            }
            return connecting.isDone();
        });
        HttpResponse<Stream<String>> response = connecting.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try {
                response.body().filter(line -> line.startsWith("data:"))
                        .forEach(line -> events.add(line.substring(5).trim()));
            } catch (UncheckedIOException closedByTheTest) {
                // the stream ends when the test closes it
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        String alertId = "alert-" + UUID.randomUUID();

        try {
            // when
            publish(device, EventCodec.encode(alert(alertId, device, Alert.State.RAISED, Instant.now(), Instant.now(), 97.5)));

            // then
            JsonPath pushed = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (pushed == null && System.nanoTime() < deadline) {
                String data = events.poll(1, TimeUnit.SECONDS);
                if (data != null && data.contains(alertId)) {
                    pushed = JsonPath.from(data);
                }
            }
            assertThat(pushed).as("alert %s pushed on the stream", alertId).isNotNull();
            assertThat(pushed.getString("state")).isEqualTo("RAISED");
            assertThat(pushed.getString("deviceId")).isEqualTo(device);
            assertThat(pushed.getList("evidence.value", Double.class)).containsExactly(97.5);
        } finally {
            response.body().close();
        }
    }

    @Test
    void fieldEngineerMayOnlyReadAndAnonymousCallersAreRefused() {
        // given
        String alertId = storedAlert(newDevice(), Alert.State.RAISED, Instant.now());

        // then
        as(engineer).get("/api/alerts/" + alertId).then().statusCode(200);
        as(engineer).get("/api/alerts").then().statusCode(200);
        as(engineer).contentType(ContentType.JSON).body("{}")
                .post("/api/alerts/" + alertId + "/acknowledgement").then().statusCode(403)
                .contentType("application/problem+json");
        as(engineer).contentType(ContentType.JSON).body("{\"comment\":\"x\"}")
                .post("/api/alerts/" + alertId + "/comments").then().statusCode(403);
        as(engineer).post("/api/alerts/" + alertId + "/ticket").then().statusCode(403);
        as(TestAccounts.ADMIN_USERNAME).contentType(ContentType.JSON).body("{\"comment\":\"admin was here\"}")
                .post("/api/alerts/" + alertId + "/comments").then().statusCode(200);
        for (String path : List.of("/api/alerts", "/api/alerts/" + alertId, "/api/alerts/stream")) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("basic"));
        }
        given().post("/api/alerts/" + alertId + "/ticket").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/alerts/" + alertId + "/acknowledgement")
                .then().statusCode(401);
        assertThat(get(alertId).getString("acknowledgement")).isNull();
        assertThat(get(alertId).getList("notes.by", String.class)).containsExactly(TestAccounts.ADMIN_USERNAME);
    }

    private String storedAlert(String device, Alert.State state, Instant ts) {
        String alertId = "alert-" + UUID.randomUUID();
        publish(device, EventCodec.encode(alert(alertId, device, state, ts.minusSeconds(300), ts, 91.0)));
        awaitAlert(alertId, state.name());
        return alertId;
    }

    private static Alert alert(String alertId, String device, Alert.State state, Instant episodeStart, Instant ts,
            double celsius) {
        return new Alert(alertId, device, DeviceType.SET_TOP_BOX, "STB-4K-200", RULE, Severity.MAJOR, state,
                episodeStart, ts, "CPU above 85 °C for 5 minutes",
                List.of(Evidence.reading(ts, "cpu_temp_c", celsius)));
    }

    private JsonPath awaitAlert(String alertId, String state) {
        await().atMost(WAIT).untilAsserted(() -> as(noc).get("/api/alerts/" + alertId).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.is(state)));
        return get(alertId);
    }

    private JsonPath get(String alertId) {
        return as(noc).get("/api/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
    }

    private List<String> list(Map<String, String> query) {
        return as(noc).queryParams(query).get("/api/alerts").then().statusCode(200).extract().jsonPath()
                .getList("alertId", String.class);
    }

    private void publish(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.DEVICE_ALERTS, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.DEVICE_ALERTS, e);
        }
    }

    private double count(String outcome) {
        return meters.counter(AlertConsumer.ALERTS_METRIC, "outcome", outcome).count();
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static RequestSpecification as(String username) {
        String password = TestAccounts.ADMIN_USERNAME.equals(username)
                ? TestAccounts.ADMIN_PASSWORD : TestAccounts.passwordOf(username);
        return given().auth().preemptive().basic(username, password);
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + TestAccounts.passwordOf(username)).getBytes(StandardCharsets.UTF_8));
    }

    private static String newDevice() {
        return "STB-AL-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
