package io.fleetcare.api.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.ticket.intake.MaintenanceRequestConsumer;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import io.fleetcare.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Maintenance requests published on the real Kafka topic become tickets in the real PostgreSQL, read back
 * through the REST API with HTTP Basic.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MaintenanceRequestToTicketIT {

    private static final Duration TICKET_WAIT = Duration.ofSeconds(60);
    private static final String RULE = "stb.cpu-overheat";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry meters;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void openProducer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void requestOnTheTopicOpensARegisteredTicketWithEvidenceAndSlaDueTimes() {
        // given
        String device = newDeviceId();
        Instant reading = Instant.parse("2026-11-24T10:00:00.250Z");
        MaintenanceRequest request = overheat(device, "req-" + UUID.randomUUID(), reading, 91.2);
        Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        // when
        publish(device, EventCodec.encode(request));

        // then
        JsonPath ticket = awaitSingleTicket(device, 1);
        assertThat(ticket.getString("number")).matches("TK-\\d{4}-\\d{6}");
        assertThat(ticket.getString("status")).isEqualTo("REGISTERED");
        assertThat(ticket.getString("channel")).isEqualTo("TELEMETRY");
        assertThat(ticket.getString("deviceId")).isEqualTo(device);
        assertThat(ticket.getString("deviceType")).isEqualTo("SET_TOP_BOX");
        assertThat(ticket.getString("model")).isEqualTo("STB-4K-200");
        assertThat(ticket.getString("ruleId")).isEqualTo(RULE);
        assertThat(ticket.getString("severity")).isEqualTo("MAJOR");
        assertThat(ticket.getString("priority")).isEqualTo("P2");
        assertThat(ticket.getString("problem")).isEqualTo("CPU above 85 °C for 5 minutes");
        Instant openedAt = Instant.parse(ticket.getString("openedAt"));
        assertThat(openedAt).isBetween(sentAt, Instant.now());
        assertThat(ticket.getString("number")).startsWith("TK-" + openedAt.toString().substring(0, 4) + "-");
        assertThat(Instant.parse(ticket.getString("sla.respondBy"))).isEqualTo(openedAt.plus(Duration.ofHours(24)));
        assertThat(Instant.parse(ticket.getString("sla.onSiteBy"))).isEqualTo(openedAt.plus(Duration.ofHours(24)));
        assertThat(ticket.getBoolean("sla.respondBreached")).isFalse();
        assertThat(ticket.getList("evidence")).hasSize(1);
        assertThat(Instant.parse(ticket.getString("evidence[0].ts"))).isEqualTo(reading);
        assertThat(ticket.getString("evidence[0].metric")).isEqualTo("cpu_temp_c");
        assertThat(ticket.getDouble("evidence[0].value")).isEqualTo(91.2);
        assertThat(ticket.getMap("evidence[0]")).doesNotContainKey("text");
        assertThat(ticket.getList("sourceRequestIds", String.class)).containsExactly(request.requestId());

        assertThat(ticketsOf(device).getMap("[0]")).isEqualTo(ticket.getMap("$"));
    }

    @Test
    void replayedRequestChangesNothingAndANewRequestForTheSameDeviceAndRuleJoinsTheOpenTicket() {
        // given
        String device = newDeviceId();
        MaintenanceRequest first = overheat(device, "req-" + UUID.randomUUID(),
                Instant.parse("2026-11-24T10:00:00Z"), 91.2);
        publish(device, EventCodec.encode(first));
        String number = awaitSingleTicket(device, 1).getString("number");
        double duplicatesBefore = count("duplicate");
        MaintenanceRequest second = overheat(device, "req-" + UUID.randomUUID(),
                Instant.parse("2026-11-24T10:07:00Z"), 93.4);

        // when: same key, so the replay is taken in before the second request
        publish(device, EventCodec.encode(first));
        publish(device, EventCodec.encode(second));

        // then
        JsonPath ticket = awaitSingleTicket(device, 2);
        assertThat(ticket.getString("number")).isEqualTo(number);
        assertThat(ticket.getList("sourceRequestIds", String.class))
                .containsExactly(first.requestId(), second.requestId());
        assertThat(ticket.getList("evidence.value", Double.class)).containsExactly(91.2, 93.4);
        assertThat(ticket.getList("evidence.ts", String.class))
                .containsExactly("2026-11-24T10:00:00Z", "2026-11-24T10:07:00Z");
        assertThat(count("duplicate")).isEqualTo(duplicatesBefore + 1);
    }

    @Test
    void requestForAnotherRuleOfTheSameDeviceOpensASecondTicket() {
        // given
        String device = newDeviceId();
        publish(device, EventCodec.encode(overheat(device, "req-" + UUID.randomUUID(), Instant.now(), 90.0)));
        awaitSingleTicket(device, 1);
        MaintenanceRequest tuner = new MaintenanceRequest("req-" + UUID.randomUUID(), device, DeviceType.SET_TOP_BOX,
                "STB-4K-200", "stb.tuner-snr-low", MaintenanceRequest.Kind.CORRECTIVE, Severity.MINOR,
                "Tuner SNR below 20 dB", Instant.now(), null, "alert-" + UUID.randomUUID(),
                List.of(Evidence.reading(Instant.now(), "tuner_snr_db", 17.5)));

        // when
        publish(device, EventCodec.encode(tuner));

        // then
        await().atMost(TICKET_WAIT).untilAsserted(() -> assertThat(ticketsOf(device).getList("ruleId", String.class))
                .containsExactlyInAnyOrder(RULE, "stb.tuner-snr-low"));
        JsonPath tickets = ticketsOf(device);
        assertThat(tickets.getList("findAll { it.ruleId == 'stb.tuner-snr-low' }.priority", String.class))
                .containsExactly("P3");
        assertThat(tickets.getList("number", String.class)).doesNotHaveDuplicates();
    }

    @Test
    void malformedRecordsAreCountedAndSkippedAndALaterValidRequestStillOpensATicket() {
        // given
        String device = newDeviceId();
        double malformedBefore = count("malformed");
        MaintenanceRequest noRule = new MaintenanceRequest("req-" + UUID.randomUUID(), device, DeviceType.SET_TOP_BOX,
                "STB-4K-200", null, MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR, "no rule", Instant.now(),
                null, null, List.of());

        // when
        publish(device, "this is not JSON".getBytes(StandardCharsets.UTF_8));
        publish(device, EventCodec.encode(noRule));
        publish(device, null);
        MaintenanceRequest valid = overheat(device, "req-" + UUID.randomUUID(), Instant.now(), 95.0);
        publish(device, EventCodec.encode(valid));

        // then
        JsonPath ticket = awaitSingleTicket(device, 1);
        assertThat(ticket.getList("sourceRequestIds", String.class)).containsExactly(valid.requestId());
        assertThat(count("malformed")).isEqualTo(malformedBefore + 3);
    }

    private static MaintenanceRequest overheat(String device, String requestId, Instant readingTs, double celsius) {
        return new MaintenanceRequest(requestId, device, DeviceType.SET_TOP_BOX, "STB-4K-200", RULE,
                MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR, "CPU above 85 °C for 5 minutes",
                readingTs.plusSeconds(300), null, "alert-" + requestId,
                List.of(Evidence.reading(readingTs, "cpu_temp_c", celsius)));
    }

    private void publish(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.MAINTENANCE_REQUESTS, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.MAINTENANCE_REQUESTS, e);
        }
    }

    /**
     * Waits until the device has exactly one ticket, fed by {@code requests} requests, and returns it as
     * {@code GET /api/tickets/{number}} shows it.
     */
    private static JsonPath awaitSingleTicket(String device, int requests) {
        await().atMost(TICKET_WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonPath tickets = ticketsOf(device);
            assertThat(tickets.getList("$")).hasSize(1);
            assertThat(tickets.getList("[0].sourceRequestIds")).hasSize(requests);
        });
        String number = ticketsOf(device).getString("[0].number");
        return withDoubles(asAdmin().get("/api/tickets/{number}", number)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath());
    }

    private static JsonPath ticketsOf(String device) {
        return withDoubles(asAdmin().queryParam("deviceId", device).get("/api/tickets")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath());
    }

    private static JsonPath withDoubles(JsonPath json) {
        return json.using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
    }

    private double count(String outcome) {
        Counter counter = meters.find(MaintenanceRequestConsumer.REQUESTS_METRIC).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String newDeviceId() {
        return "STB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
