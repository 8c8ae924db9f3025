package io.fleetcare.api.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offline alerts published on the real Kafka topic, correlated by site in the real PostgreSQL: a site outage
 * becomes one site alert and one ticket, a lone device keeps its own ticket, and the site alert clears when the
 * devices return. The test profile's window is 5 s, at least 10 devices and half the site.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SiteCorrelationIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final String OFFLINE = "charger.offline";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    private KafkaProducer<String, byte[]> producer;
    private String noc;
    private String manager;

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        noc = TestAccounts.ensure(accountService, accounts, "site-noc", Role.NOC_OPERATOR);
        manager = TestAccounts.ensure(accountService, accounts, "site-manager", Role.SERVICE_MANAGER);
    }

    @AfterEach
    void closeProducer() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void twoHundredDevicesOfOneSiteGoingSilentTogetherGetOneSiteAlertAndOneTicketAndALoneDeviceGetsItsOwn() {
        // given: a car park of 200 chargers, and elsewhere a site of 3 chargers
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String site = "PARK-" + tag;
        List<String> park = IntStream.rangeClosed(1, 200).mapToObj(i -> "SC-" + tag + "-" + i).toList();
        String elsewhere = "SHOP-" + tag;
        List<String> shop = List.of("SL-" + tag + "-1", "SL-" + tag + "-2", "SL-" + tag + "-3");
        assign(site, park).body("devices", org.hamcrest.Matchers.is(200)).body("threshold", org.hamcrest.Matchers.is(100));
        assign(elsewhere, shop);
        Instant lastHeard = Instant.now().minusSeconds(15);

        // when: all 200 go silent within a few seconds of each other, and one charger of the shop
        List<Alert> raised = new ArrayList<>();
        for (int i = 0; i < park.size(); i++) {
            raised.add(offline(park.get(i), lastHeard.plusMillis(10L * i), Alert.State.RAISED));
        }
        Alert lone = offline(shop.get(0), lastHeard, Alert.State.RAISED);
        raised.add(lone);
        publishAll(raised);

        // then: one site alert naming the count, one ticket for the site, none per device
        String siteAlertId = awaitIncident(site);
        JsonPath siteAlert = await().atMost(WAIT).until(() -> alert(siteAlertId),
                a -> a.getString("message").contains("200 of 200 devices offline since"));
        assertThat(siteAlert.getString("deviceId")).isEqualTo("site:" + site);
        assertThat(siteAlert.getString("ruleId")).isEqualTo("site.offline");
        assertThat(siteAlert.getString("state")).isEqualTo("RAISED");
        String siteTicket = siteAlert.getString("notes.find { it.kind == 'TICKET' }.ticketNumber");
        assertThat(tickets("site:" + site)).containsExactly(siteTicket);
        await().atMost(WAIT).untilAsserted(() -> assertThat(tickets(shop.get(0))).hasSize(1));
        for (String device : park) {
            assertThat(tickets(device)).as("tickets of %s", device).isEmpty();
        }
        // every device alert is linked to the site's ticket
        for (Alert a : raised.subList(0, park.size())) {
            assertThat(alert(a.alertId()).getList("notes.ticketNumber", String.class)).as(a.alertId())
                    .containsExactly(siteTicket);
        }
        assertThat(alert(lone.alertId()).getList("notes.ticketNumber", String.class))
                .containsExactly(tickets(shop.get(0)).get(0));

        // when: the site's power comes back
        publishAll(park.stream().map(d -> raised.get(park.indexOf(d)))
                .map(a -> new Alert(a.alertId(), a.deviceId(), a.deviceType(), a.model(), a.ruleId(), a.severity(),
                        Alert.State.CLEARED, a.episodeStart(), Instant.now(), "online again", List.of()))
                .toList());

        // then: the site alert clears and the outage closes, still with one ticket and none per device
        await().atMost(WAIT).untilAsserted(() -> assertThat(alert(siteAlertId).getString("state")).isEqualTo("CLEARED"));
        JsonPath closed = site(site);
        assertThat(closed.getString("incidents[0].closedAt")).isNotNull();
        assertThat(closed.getInt("incidents[0].peakOffline")).isEqualTo(200);
        assertThat(closed.getInt("incidents[0].offlineNow")).isZero();
        sleep(WINDOW.plusSeconds(3));
        assertThat(tickets("site:" + site)).containsExactly(siteTicket);
        for (String device : park) {
            assertThat(tickets(device)).as("tickets of %s", device).isEmpty();
        }
    }

    @Test
    void aDeviceBackWithinTheWindowGetsNoTicketAndAMinorOfflineAloneGetsNone() {
        // given: a device at no site, and one at a small site
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String blip = "SB-" + tag;
        String minor = "SM-" + tag;
        Instant lastHeard = Instant.now().minusSeconds(15);
        Alert blipRaised = offline(blip, lastHeard, Alert.State.RAISED);
        Alert minorRaised = new Alert("alert-" + UUID.randomUUID(), minor, DeviceType.SET_TOP_BOX, "STB-4K-200",
                "stb.offline", Severity.MINOR, Alert.State.RAISED, lastHeard, lastHeard.plusSeconds(15),
                "offline", List.of(Evidence.text(lastHeard, "last.message", "TELEMETRY")));
        assign("FLAT-" + tag, List.of(blip, "SB-" + tag + "-2"));

        // when: the first comes back at once, the second stays offline
        publishAll(List.of(blipRaised, minorRaised, new Alert(blipRaised.alertId(), blip, blipRaised.deviceType(),
                blipRaised.model(), OFFLINE, Severity.MAJOR, Alert.State.CLEARED, lastHeard, Instant.now(),
                "online again", List.of())));

        // then: neither gets a ticket, even after the window
        await().atMost(WAIT).untilAsserted(() -> assertThat(alert(blipRaised.alertId()).getString("state"))
                .isEqualTo("CLEARED"));
        sleep(WINDOW.plusSeconds(3));
        assertThat(tickets(blip)).isEmpty();
        assertThat(tickets(minor)).isEmpty();
    }

    @Test
    void puttingDevicesAtASiteNeedsAManagerAndValidIds() {
        as(noc).contentType(ContentType.JSON).body(Map.of("deviceIds", List.of("X-1")))
                .put("/api/sites/S-1/devices").then().statusCode(403);
        as(manager).contentType(ContentType.JSON).body(Map.of("deviceIds", List.of()))
                .put("/api/sites/S-1/devices").then().statusCode(400);
        as(manager).contentType(ContentType.JSON).body(Map.of("deviceIds", List.of("bad id with spaces")))
                .put("/api/sites/S-1/devices").then().statusCode(400);
    }

    private io.restassured.response.ValidatableResponse assign(String site, List<String> devices) {
        return as(manager).contentType(ContentType.JSON).body(Map.of("deviceIds", devices))
                .put("/api/sites/" + site + "/devices").then().statusCode(200);
    }

    /** @return the alert id of the site's one outage */
    private String awaitIncident(String site) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(site(site).getList("incidents")).hasSize(1));
        return site(site).getString("incidents[0].alertId");
    }

    private JsonPath site(String site) {
        return as(noc).get("/api/sites/" + site).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath alert(String alertId) {
        return as(noc).get("/api/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
    }

    private List<String> tickets(String deviceId) {
        return as(noc).queryParam("deviceId", deviceId).get("/api/tickets").then().statusCode(200).extract()
                .jsonPath().getList("number", String.class);
    }

    private static Alert offline(String device, Instant lastHeard, Alert.State state) {
        return new Alert("alert-" + device + "-" + lastHeard.toEpochMilli(), device, DeviceType.EV_CHARGER,
                "FC-DC-150", OFFLINE, Severity.MAJOR, state, lastHeard, lastHeard.plusSeconds(15),
                "offline: nothing heard for 15 s", List.of(Evidence.text(lastHeard, "last.message", "METER_VALUES")));
    }

    private void publishAll(List<Alert> alerts) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Alert a : alerts) {
            sent.add(producer.send(new ProducerRecord<>(Topics.DEVICE_ALERTS, a.deviceId(), EventCodec.encode(a))));
        }
        try {
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.DEVICE_ALERTS, e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
