package io.fleetcare.gateway.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.fleetcare.infra.net.FreePorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(MqttReadinessWithoutBrokerIT.NoBroker.class)
class MqttReadinessWithoutBrokerIT {

    /** Points the gateway at ports nothing listens on. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "fleetcare.mqtt.server-uri", "tcp://127.0.0.1:" + FreePorts.pick(),
                    "kafka.bootstrap.servers", "127.0.0.1:" + FreePorts.pick(),
                    "quarkus.log.category.\"org.apache.kafka\".level", "ERROR",
                    "quarkus.log.category.\"io.fleetcare.gateway.mqtt\".level", "ERROR");
        }
    }

    @Test
    void notReadyWhileTheBrokerIsUnreachableButAlive() {
        given().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.name", hasItem("mqtt"))
                .body("checks.find { it.name == 'mqtt' }.status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("gateway_mqtt_connected 0.0"));
    }
}
