package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Topics;
import io.fleetcare.gateway.ocpp.RawChargePoint;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(GatewayInfrastructure.class)
class OcppChargerFileIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI http;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "fleetcare.ocpp.charger-file")
    Path chargerFile;

    @Test
    void chargerListedOnlyInTheFileConnectsAndARotatedSecretAppliesWithoutRestart() throws Exception {
        // given CP-FILE, listed only in the charger file with a mosquitto_passwd ($7$) hash
        Instant connectedAfter = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String original = Files.readString(chargerFile);
        try {
            // when it connects with its password
            try (RawChargePoint chargePoint = RawChargePoint.connect(ws(), GatewayInfrastructure.FILE_CHARGER,
                    "ocpp1.6", GatewayInfrastructure.FILE_CHARGER_PASSWORD).get()) {
                JsonNode reply = JSON.readTree(chargePoint.exchange("""
                        [2,"boot-file","BootNotification",{"chargePointVendor":"Acme","chargePointModel":"AC-11"}]"""));

                // then it is accepted and its CONNECTED event carries the model from the file
                assertThat(reply.get(2).get("status").textValue()).isEqualTo("Accepted");
                DeviceEvent connected = awaitConnected(connectedAfter);
                assertThat(connected.model()).isEqualTo(GatewayInfrastructure.FILE_CHARGER_MODEL);
            }

            // when its secret is rotated in the file (now a bcrypt hash)
            Files.writeString(chargerFile, GatewayInfrastructure.FILE_CHARGER + "="
                    + BcryptUtil.bcryptHash("rotated-pw") + "\n");
            Files.setLastModifiedTime(chargerFile, FileTime.from(Instant.now().plusSeconds(60)));

            // then the old password is refused and the new one accepted
            assertThat(refusedStatus(GatewayInfrastructure.FILE_CHARGER_PASSWORD)).isEqualTo(401);
            RawChargePoint.connect(ws(), GatewayInfrastructure.FILE_CHARGER, "ocpp1.6", "rotated-pw").get().close();
        } finally {
            Files.writeString(chargerFile, original);
            Files.setLastModifiedTime(chargerFile, FileTime.from(Instant.now().plusSeconds(120)));
            await().atMost(DELIVERY).until(() -> metric("gateway_devices_connected{protocol=\"ocpp\"}") == 0.0);
        }
    }

    private int refusedStatus(String password) throws InterruptedException {
        try {
            RawChargePoint.connect(ws(), GatewayInfrastructure.FILE_CHARGER, "ocpp1.6", password).get().close();
            throw new AssertionError("the gateway accepted the old password");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private DeviceEvent awaitConnected(Instant after) {
        try (KafkaConsumer<String, String> telemetry = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.DEVICE_TELEMETRY, 0);
            telemetry.assign(List.of(partition));
            telemetry.seekToBeginning(List.of(partition));
            List<DeviceEvent> seen = new ArrayList<>();
            return await().atMost(DELIVERY).until(() -> {
                for (ConsumerRecord<String, String> record : telemetry.poll(Duration.ofMillis(200))) {
                    seen.add(EventCodec.decode(record.value(), DeviceEvent.class));
                }
                return seen.stream().filter(event -> event.deviceId().equals(GatewayInfrastructure.FILE_CHARGER)
                        && event.kind() == EventKind.CONNECTION && !event.receivedTs().isBefore(after))
                        .findFirst().orElse(null);
            }, found -> found != null);
        }
    }

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    private static double metric(String sample) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).trim()))
                .findFirst()
                .orElse(0.0);
    }
}
