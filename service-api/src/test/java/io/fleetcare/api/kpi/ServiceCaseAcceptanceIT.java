package io.fleetcare.api.kpi;

import static io.fleetcare.api.kpi.ServiceDesk.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import io.fleetcare.events.Topics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, acceptance 2: a maintenance request on the real Kafka topic becomes a ticket, which the service desk
 * walks to closed with a repair record, a part issued from stock and a survey; the KPIs move accordingly.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServiceCaseAcceptanceIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    @Test
    void requestFromKafkaWalkedToClosedWithRepairPartAndSurveyMovesTheKpis() throws Exception {
        // given: a registered device of a model nobody else uses, a part in stock, and the KPIs before
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String model = "ACC-" + suffix;
        String firmware = "2.1." + suffix;
        String device = "STB-ACC-" + suffix;
        String engineer = TestAccounts.ensure(accountService, accounts, "acc-eng-" + suffix, Role.FIELD_ENGINEER);
        ServiceDesk desk = new ServiceDesk(TestAccounts.ensure(accountService, accounts, "acc-noc", Role.NOC_OPERATOR),
                engineer, TestAccounts.ensure(accountService, accounts, "acc-manager", Role.SERVICE_MANAGER));
        long component = desk.registerDevice(device, model, firmware);
        long part = as(desk.manager()).contentType(ContentType.JSON)
                .body(Map.of("name", "cooling fan " + suffix, "spec", "40 mm 5 V", "abcClass", "B"))
                .post("/api/parts").then().statusCode(201).extract().jsonPath().getLong("partId");
        book(desk, part, Map.of("kind", "RECEIPT", "location", "Ningbo depot", "quantity", 5, "reason",
                "delivery note"));
        JsonPath overallBefore = desk.kpisAroundToday("none");
        JsonPath byModelBefore = desk.kpisAroundToday("model");

        // when: the stream job's request arrives through Kafka ...
        MaintenanceRequest request = new MaintenanceRequest("req-" + UUID.randomUUID(), device, DeviceType.SET_TOP_BOX,
                model, "stb.cpu-overheat", MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR,
                "CPU above 85 °C for 5 minutes", Instant.now(), null, "alert-" + suffix,
                List.of(Evidence.reading(Instant.now(), "cpu_temp_c", 92.5)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MAINTENANCE_REQUESTS, device, EventCodec.encode(request)))
                    .get();
        }
        String number = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> ticketsOf(desk, device), tickets -> tickets.size() == 1).get(0);
        // ... and the desk walks it: acknowledge, assign, schedule, on site, repair with its part issued, resolved,
        // confirmed, closed, survey
        desk.walk(number, "REGISTERED", "ON_SITE");
        desk.fileRepair(device, number, part, component);
        desk.walk(number, "ON_SITE", "CLOSED");
        desk.survey(number, 5, 4, 5, 4);

        // then: the ticket is closed with its record and its part
        JsonPath ticket = as(desk.manager()).get("/api/tickets/{number}", number).then().statusCode(200)
                .extract().jsonPath();
        assertThat(ticket.getString("status")).isEqualTo("CLOSED");
        assertThat(ticket.getList("sourceRequestIds", String.class)).containsExactly(request.requestId());
        JsonPath records = as(desk.manager()).queryParam("ticketNumber", number).get("/api/repairs").then()
                .statusCode(200).extract().jsonPath();
        assertThat(records.getList("$")).hasSize(1);
        assertThat(records.getString("[0].partsReplaced[0].category")).isEqualTo("FREE");
        JsonPath stock = as(desk.manager()).get("/api/parts/{partId}", part).then().statusCode(200).extract().jsonPath();
        assertThat(stock.getInt("stock.find { it.condition == 'GOOD' }.quantity")).isEqualTo(4);
        assertThat(stock.getString("movements[0].kind")).isEqualTo("ISSUE");
        assertThat(stock.getString("movements[0].ticketNumber")).isEqualTo(number);
        assertThat(stock.getString("movements[0].person")).isEqualTo(engineer);

        // and the KPIs moved: the model's group appears with this one case, the overall counts grew
        assertThat(byModelBefore.getList("groups.key")).doesNotContain(model);
        JsonPath byModelAfter = desk.kpisAroundToday("model");
        List<Map<String, Object>> groups = byModelAfter.getList("groups");
        Map<String, Object> ofModel = groups.stream().filter(g -> model.equals(g.get("key"))).findFirst()
                .orElseThrow();
        assertThat(ofModel).containsEntry("ticketsOpened", 1).containsEntry("ticketsClosed", 1)
                .containsEntry("timeliness", 1.0f).containsEntry("firstTimeFixRate", 1.0f)
                .containsEntry("complaintRate", 0.0f).containsEntry("satisfaction", 4.5f)
                .containsEntry("slaBreaches", 0);
        assertThat(((Number) ofModel.get("meanTimeToRepairHours")).doubleValue()).isGreaterThan(0.0).isLessThan(1.0);
        assertThat(byModelAfter.getList("faultsByModelFirmware", Map.class))
                .contains(Map.of("model", model, "firmware", firmware, "faults", 1));
        assertThat(byModelBefore.getList("faultsByModelFirmware.model")).doesNotContain(model);

        JsonPath overallAfter = desk.kpisAroundToday("none");
        assertThat(overallAfter.getInt("groups[0].ticketsOpened"))
                .isGreaterThanOrEqualTo(overallBefore.getInt("groups[0].ticketsOpened") + 1);
        assertThat(overallAfter.getInt("groups[0].ticketsClosed"))
                .isGreaterThanOrEqualTo(overallBefore.getInt("groups[0].ticketsClosed") + 1);
        assertThat(overallAfter.getDouble("groups[0].satisfaction")).isNotNull();
    }

    private static void book(ServiceDesk desk, long part, Map<String, Object> movement) {
        as(desk.manager()).contentType(ContentType.JSON).body(movement).post("/api/parts/{partId}/movements", part)
                .then().statusCode(200);
    }

    private static List<String> ticketsOf(ServiceDesk desk, String device) {
        return as(desk.manager()).queryParam("deviceId", device).get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getList("number", String.class);
    }
}
