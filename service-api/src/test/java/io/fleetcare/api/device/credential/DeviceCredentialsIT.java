package io.fleetcare.api.device.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.events.EventCodec;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issuing and rotating device secrets against real PostgreSQL and Kafka: the secret is answered once, the database
 * holds only its hash (and the sealed CoAP key of set-top boxes), every change reaches the compacted credentials topic
 * with a hash that matches and a key that opens with the transport key only.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeviceCredentialsIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    DataSource dataSource;

    @Inject
    DeviceCredentialConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void rotatingASetTopBoxSecretAnswersItOnceAndStoresOnlyTheHashAndTheSealedKey() throws Exception {
        // given
        String id = register("SET_TOP_BOX", "STB-4K-200");

        // when
        JsonPath first = admin().post(path(id)).then().statusCode(201).header("Cache-Control", "no-store")
                .extract().jsonPath();
        JsonPath second = admin().post(path(id)).then().statusCode(201).extract().jsonPath();

        // then
        assertThat(first.getInt("version")).isEqualTo(1);
        assertThat(second.getInt("version")).isEqualTo(2);
        assertThat(second.getBoolean("coapPsk")).isTrue();
        String secret = second.getString("secret");
        assertThat(secret).hasSize(32).isNotEqualTo(first.getString("secret"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "select secret_hash, sealed_psk, rotated_by from device_credential where device_id = ?")) {
            q.setString(1, id);
            try (ResultSet row = q.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).doesNotContain(secret);
                assertThat(matches(secret, row.getString(1))).isTrue();
                assertThat(row.getString(2)).doesNotContain(secret);
                assertThat(new SealedSecret(config.storageKey().orElseThrow()).open(row.getString(2), id, 2))
                        .isEqualTo(secret);
                assertThat(row.getString(3)).isEqualTo(TestAccounts.ADMIN_USERNAME);
            }
        }
    }

    @Test
    void everyRotationReachesTheCompactedTopicWithAMatchingHashAndAKeyOnlyTheTransportKeyOpens() throws Exception {
        // given
        String box = register("SET_TOP_BOX", "STB-4K-200");
        String charger = register("EV_CHARGER", "AC-22");

        // when
        String boxSecret = admin().post(path(box)).then().statusCode(201).extract().path("secret");
        String chargerSecret = admin().post(path(charger)).then().statusCode(201).extract().path("secret");

        // then
        List<DeviceCredentialMessage> published = readTopic(List.of(box, charger));
        DeviceCredentialMessage boxMessage = published.stream().filter(m -> m.deviceId().equals(box)).findFirst()
                .orElseThrow();
        DeviceCredentialMessage chargerMessage = published.stream().filter(m -> m.deviceId().equals(charger))
                .findFirst().orElseThrow();
        assertThat(boxMessage.version()).isEqualTo(1);
        assertThat(matches(boxSecret, boxMessage.secretHash())).isTrue();
        assertThat(new SealedSecret(config.transportKey().orElseThrow()).open(boxMessage.sealedPsk(), box, 1))
                .isEqualTo(boxSecret);
        assertThat(boxMessage.sealedPsk()).doesNotContain(boxSecret);
        assertThat(chargerMessage.deviceType().name()).isEqualTo("EV_CHARGER");
        assertThat(chargerMessage.model()).isEqualTo("AC-22");
        assertThat(matches(chargerSecret, chargerMessage.secretHash())).isTrue();
        assertThat(chargerMessage.sealedPsk()).as("chargers get no recoverable key").isNull();
        assertThat(cleanupPolicy()).isEqualTo("compact");
    }

    @Test
    void theMetadataShowsVersionWhenAndWhoButNeverTheSecretOrHash() {
        // given
        String id = register("EV_CHARGER", "AC-22");
        String secret = admin().post(path(id)).then().statusCode(201).extract().path("secret");
        admin().post(path(id)).then().statusCode(201);

        // when
        String body = admin().get(path(id)).then().statusCode(200).extract().asString();

        // then
        JsonPath read = new JsonPath(body);
        assertThat(read.getInt("version")).isEqualTo(2);
        assertThat(read.getString("rotatedBy")).isEqualTo(TestAccounts.ADMIN_USERNAME);
        assertThat(read.getBoolean("coapPsk")).isFalse();
        assertThat(read.getList("rotations.version", Integer.class)).containsExactly(2, 1);
        assertThat(body).doesNotContain(secret).doesNotContain("$7$").doesNotContain("secret");
    }

    @Test
    void unknownDevicesDevicesWithoutCredentialAndBadIdsGetProblemsAndChangeNothing() {
        // given
        String id = register("EV_CHARGER", "AC-22");

        // then
        admin().get(path(id)).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("title", org.hamcrest.Matchers.equalTo("No credential issued"));
        admin().post(path("CRED-NOBODY-" + UUID.randomUUID())).then().statusCode(404).contentType(PROBLEM_JSON);
        admin().post("/api/devices/bad%20id'%3B--/credentials").then().statusCode(400).contentType(PROBLEM_JSON);
        admin().post(path("x".repeat(65))).then().statusCode(400).contentType(PROBLEM_JSON);
        admin().get(path(id)).then().statusCode(404);
    }

    private static String path(String deviceId) {
        return "/api/devices/" + deviceId + "/credentials";
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD);
    }

    private static String register(String type, String model) {
        String id = "CRED-" + UUID.randomUUID().toString().substring(0, 8);
        admin().contentType(ContentType.JSON).body(Map.of("deviceId", id, "deviceType", type, "model", model,
                        "serial", "SN-" + id, "siteAddress", "Depot 1", "producedOn", "2025-01-01"))
                .post("/api/devices").then().statusCode(201);
        return id;
    }

    private static boolean matches(String secret, String hash) {
        String[] parts = hash.split("\\$");
        return DeviceSecretHash.of(secret, Base64.getDecoder().decode(parts[3]), Integer.parseInt(parts[2]))
                .equals(hash);
    }

    private List<DeviceCredentialMessage> readTopic(List<String> deviceIds) {
        List<DeviceCredentialMessage> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "credentials-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DeviceCredentialMessage.TOPIC));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline
                    && !found.stream().map(DeviceCredentialMessage::deviceId).toList().containsAll(deviceIds)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    DeviceCredentialMessage message = EventCodec.decode(record.value(), DeviceCredentialMessage.class);
                    assertThat(record.key()).isEqualTo(message.deviceId());
                    if (deviceIds.contains(message.deviceId())) {
                        found.add(message);
                    }
                }
            }
        }
        return found;
    }

    private String cleanupPolicy() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, DeviceCredentialMessage.TOPIC);
            return admin.describeConfigs(List.of(topic)).all().get().get(topic).get("cleanup.policy").value();
        }
    }
}
