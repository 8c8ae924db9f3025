package io.fleetcare.api.command;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands sent over the API land on the real Kafka topic {@code device.commands}, and results published on
 * {@code device.command-results} are stored on them in the real PostgreSQL.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RemoteDiagnosticsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Inject
    MeterRegistry meters;

    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> commandsTopic;
    private String noc;
    private String engineer;

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        commandsTopic = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-gateway-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        commandsTopic.subscribe(List.of(Topics.DEVICE_COMMANDS));
        noc = TestAccounts.ensure(accountService, accounts, "rd-noc", Role.NOC_OPERATOR);
        engineer = TestAccounts.ensure(accountService, accounts, "rd-engineer", Role.FIELD_ENGINEER);
    }

    @AfterEach
    void close() {
        producer.close(Duration.ofSeconds(5));
        commandsTopic.close(Duration.ofSeconds(5));
    }

    @Test
    void commandIsStoredPendingAndPublishedKeyedByDeviceAndItsResultBecomesReadable() {
        // given
        String device = newDevice();

        // when
        Response sent = as(engineer).contentType(ContentType.JSON)
                .body("{\"command\":\"collect_logs\",\"params\":{\"since\":\"PT1H\",\"max\":3},\"timeoutSeconds\":120}")
                .post(commandsOf(device));

        // then
        sent.then().statusCode(201).body("status", Matchers.is("PENDING"));
        String commandId = sent.jsonPath().getString("commandId");
        assertThat(sent.header("Location")).endsWith(commandsOf(device) + "/" + commandId);
        ConsumerRecord<String, String> published = awaitCommandOnTopic(commandId);
        assertThat(published.key()).isEqualTo(device);
        JsonPath message = JsonPath.from(published.value());
        assertThat(message.getString("deviceId")).isEqualTo(device);
        assertThat(message.getString("command")).isEqualTo("COLLECT_LOGS");
        assertThat(message.getMap("params")).containsEntry("since", "PT1H").containsEntry("max", 3);
        assertThat(message.getString("requestedBy")).isEqualTo(engineer);
        assertThat(message.getString("requestedAt")).isEqualTo(sent.jsonPath().getString("requestedAt"));
        assertThat(message.getInt("timeoutSeconds")).isEqualTo(120);

        // when: the gateway accepts, completes, then a late ACCEPTED arrives again
        publishResult(device, result(commandId, device, "ACCEPTED", null, "2026-11-24T10:00:01Z"));
        publishResult(device, result(commandId, device, "COMPLETED", "{\"logUrl\":\"s3://logs/1.tgz\"}",
                "2026-11-24T10:00:09Z"));
        publishResult(device, result(commandId, device, "ACCEPTED", null, "2026-11-24T10:00:01Z"));
        double unchangedBefore = count("unchanged");

        // then
        await().atMost(WAIT).untilAsserted(() -> assertThat(count("unchanged")).isEqualTo(unchangedBefore + 1));
        JsonPath command = as(noc).get(commandsOf(device) + "/" + commandId).then().statusCode(200).extract().jsonPath();
        assertThat(command.getString("status")).isEqualTo("COMPLETED");
        assertThat(command.getString("result.payload.logUrl")).isEqualTo("s3://logs/1.tgz");
        assertThat(command.getString("result.at")).isEqualTo("2026-11-24T10:00:09Z");
        assertThat(command.getString("requestedBy")).isEqualTo(engineer);
        assertThat(command.getString("command")).isEqualTo("COLLECT_LOGS");
    }

    @Test
    void resultsForUnknownCommandsAndMalformedResultsAreSkipped() {
        // given
        String device = newDevice();
        String commandId = send(noc, device, "REBOOT");
        double unknownBefore = count("unknown");
        double malformedBefore = count("malformed");

        // when
        publishResult(device, "not json");
        publishResult(device, result(UUID.randomUUID().toString(), device, "COMPLETED", null, "2026-11-24T10:00:00Z"));
        publishResult(device, result(commandId, "OTHER-DEVICE", "COMPLETED", null, "2026-11-24T10:00:00Z"));
        publishResult(device, result(commandId, device, "PENDING", null, "2026-11-24T10:00:00Z"));
        publishResult(device, result(commandId, device, "REJECTED", "{\"reason\":\"busy\"}", "2026-11-24T10:00:02Z"));

        // then
        await().atMost(WAIT).untilAsserted(() -> as(noc).get(commandsOf(device) + "/" + commandId).then()
                .statusCode(200).body("status", Matchers.is("REJECTED")));
        assertThat(count("unknown")).isEqualTo(unknownBefore + 2);
        assertThat(count("malformed")).isEqualTo(malformedBefore + 2);
    }

    @Test
    void listShowsTheDevicesCommandsNewestFirstAndUnknownIdsAre404() {
        // given
        String device = newDevice();
        String first = send(noc, device, "SELF_TEST");
        String second = send(engineer, device, "GET_CONFIG");

        // then
        as(engineer).get(commandsOf(device)).then().statusCode(200)
                .body("commandId", Matchers.contains(second, first));
        as(noc).get(commandsOf(newDevice()) + "/" + first).then().statusCode(404)
                .contentType("application/problem+json");
        as(noc).get(commandsOf(device) + "/" + UUID.randomUUID()).then().statusCode(404);
        as(noc).get(commandsOf(device) + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void invalidCommandsAre400AndStoreNothing() {
        // given
        String device = newDevice();

        // then
        for (String body : List.of("{\"command\":\"FORMAT_DISK\"}", "{}", "{\"command\":\"REBOOT\",\"timeoutSeconds\":0}",
                "{\"command\":\"REBOOT\",\"params\":[1,2]}", "not json",
                "{\"command\":\"REBOOT\",\"params\":{\"x\":\"" + "a".repeat(9000) + "\"}}")) {
            Response answer = as(noc).contentType(ContentType.JSON).body(body).post(commandsOf(device));
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.contentType()).as(body).startsWith("application/problem+json");
        }
        as(noc).contentType(ContentType.JSON).body("{\"command\":\"REBOOT\"}")
                .post("/api/devices/bad%20id'--/commands").then().statusCode(400);
        as(noc).get(commandsOf(device)).then().statusCode(200).body("size()", Matchers.is(0));
    }

    @Test
    void everyRoleMaySendDiagnosticsAndAnonymousCallersAreRefused() {
        // given
        String device = newDevice();
        String manager = TestAccounts.ensure(accountService, accounts, "rd-manager", Role.SERVICE_MANAGER);

        // then
        for (String user : List.of(noc, engineer, manager, TestAccounts.ADMIN_USERNAME)) {
            send(user, device, "SELF_TEST");
        }
        given().contentType(ContentType.JSON).body("{\"command\":\"REBOOT\"}").post(commandsOf(device)).then()
                .statusCode(401).contentType("application/problem+json");
        given().get(commandsOf(device)).then().statusCode(401);
        given().auth().preemptive().basic(noc, "wrong-password").get(commandsOf(device)).then().statusCode(401);
        as(noc).get(commandsOf(device)).then().statusCode(200).body("size()", Matchers.is(4))
                .body("requestedBy", Matchers.containsInAnyOrder(noc, engineer, manager, TestAccounts.ADMIN_USERNAME));
    }

    private String send(String user, String device, String command) {
        return as(user).contentType(ContentType.JSON).body("{\"command\":\"" + command + "\"}").post(commandsOf(device))
                .then().statusCode(201).extract().jsonPath().getString("commandId");
    }

    private ConsumerRecord<String, String> awaitCommandOnTopic(String commandId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : commandsTopic.poll(Duration.ofMillis(500))) {
                if (record.value().contains(commandId)) {
                    return record;
                }
            }
        }
        throw new AssertionError("command " + commandId + " not seen on " + Topics.DEVICE_COMMANDS);
    }

    private static String result(String commandId, String device, String status, String payload, String at) {
        return "{\"commandId\":\"" + commandId + "\",\"deviceId\":\"" + device + "\",\"status\":\"" + status + "\","
                + (payload == null ? "" : "\"payload\":" + payload + ",") + "\"at\":\"" + at + "\"}";
    }

    private void publishResult(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.DEVICE_COMMAND_RESULTS, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.DEVICE_COMMAND_RESULTS, e);
        }
    }

    private double count(String outcome) {
        return meters.counter(CommandResultConsumer.RESULTS_METRIC, "outcome", outcome).count();
    }

    private static String commandsOf(String device) {
        return "/api/devices/" + device + "/commands";
    }

    private static RequestSpecification as(String username) {
        String password = TestAccounts.ADMIN_USERNAME.equals(username)
                ? TestAccounts.ADMIN_PASSWORD : TestAccounts.passwordOf(username);
        return given().auth().preemptive().basic(username, password);
    }

    private static String newDevice() {
        return "STB-RD-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
