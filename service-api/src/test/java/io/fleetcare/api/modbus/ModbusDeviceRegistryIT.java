package io.fleetcare.api.modbus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.TestDevices;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.ModbusRegisterMap;
import io.fleetcare.events.ModbusRegistration;
import io.fleetcare.events.Topics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, acceptance 1 (API half) and 4: Modbus registrations and register maps go through the API to the
 * compacted topics the gateways read ({@code ModbusRegistryIT} in device-gateway shows a gateway polls what arrives
 * there, without a restart); invalid ones are refused with every problem listed; a Modbus device is offered and takes
 * no OCPP command.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ModbusDeviceRegistryIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> OCPP_COMMANDS = List.of("RESET", "TRIGGER_MESSAGE", "GET_DIAGNOSTICS",
            "GET_CONFIGURATION", "CHANGE_CONFIGURATION", "UNLOCK_CONNECTOR");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    private String manager;
    private String noc;
    private KafkaConsumer<String, byte[]> topics;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        manager = TestAccounts.ensure(accountService, accounts, "mb-manager", Role.SERVICE_MANAGER);
        noc = TestAccounts.ensure(accountService, accounts, "mb-noc", Role.NOC_OPERATOR);
        topics = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-gateway-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
        topics.subscribe(List.of(Topics.MODBUS_DEVICES, Topics.MODBUS_REGISTER_MAPS));
    }

    @AfterEach
    void close() {
        topics.close(Duration.ofSeconds(5));
    }

    @Test
    void aRegistrationIsPublishedForTheGatewaysChangedAndRemovedWithATombstone() {
        // given a charger of the registry
        String device = TestDevices.register(TestAccounts.ADMIN_USERNAME, "CP-MB-" + suffix(), "EV_CHARGER",
                "AC-22-MB");

        // when
        as(manager).contentType(ContentType.JSON)
                .body("{\"host\":\"192.0.2.10\",\"port\":1502,\"unitId\":3,\"pollIntervalMillis\":2000}")
                .put("/api/modbus/devices/" + device)
                .then().statusCode(201).body("profile", Matchers.is("charger-default"))
                .body("deviceType", Matchers.is("EV_CHARGER")).body("updatedBy", Matchers.is(manager));

        // then
        assertThat(EventCodec.decode(awaitRecord(Topics.MODBUS_DEVICES, device, 1).value(), ModbusRegistration.class))
                .isEqualTo(new ModbusRegistration(device, DeviceType.EV_CHARGER, "AC-22-MB", "192.0.2.10", 1502, 3,
                        "charger-default", 2000));

        // when it changes
        as(manager).contentType(ContentType.JSON).body("{\"host\":\"192.0.2.11\",\"pollIntervalMillis\":5000}")
                .put("/api/modbus/devices/" + device).then().statusCode(200).body("port", Matchers.is(502));

        // then
        assertThat(EventCodec.decode(awaitRecord(Topics.MODBUS_DEVICES, device, 2).value(), ModbusRegistration.class)
                .host()).isEqualTo("192.0.2.11");

        // when it is removed
        as(manager).delete("/api/modbus/devices/" + device).then().statusCode(204);

        // then
        assertThat(awaitRecord(Topics.MODBUS_DEVICES, device, 3).value()).as("tombstone").isNull();
        as(noc).get("/api/modbus/devices/" + device).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void anInvalidRegistrationIsRefusedWithEveryProblemListedAndNothingPublished() {
        // given
        String device = TestDevices.register(TestAccounts.ADMIN_USERNAME, "CP-MB-" + suffix(), "EV_CHARGER",
                "AC-22-MB");

        // when / then
        as(manager).contentType(ContentType.JSON)
                .body("{\"host\":\" \",\"port\":0,\"unitId\":256,\"pollIntervalMillis\":5}")
                .put("/api/modbus/devices/" + device)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", Matchers.allOf(Matchers.containsString("host must be"),
                        Matchers.containsString("port must be 1-65535"), Matchers.containsString("unitId must be 0-255"),
                        Matchers.containsString("pollIntervalMillis must be 100-3600000")));
        as(manager).contentType(ContentType.JSON).body("{\"host\":\"192.0.2.10\",\"profile\":\"no-such-map\"}")
                .put("/api/modbus/devices/" + device)
                .then().statusCode(400).body("detail", Matchers.containsString("no-such-map is not a registered"));
        as(manager).contentType(ContentType.JSON).body("{\"host\":\"192.0.2.10\"}")
                .put("/api/modbus/devices/NOT-IN-REGISTRY-" + suffix()).then().statusCode(404);
        as(noc).contentType(ContentType.JSON).body("{\"host\":\"192.0.2.10\"}")
                .put("/api/modbus/devices/" + device).then().statusCode(403);
        as(noc).get("/api/modbus/devices/" + device).then().statusCode(404);
    }

    @Test
    void aRegisterMapIsValidatedWithEveryProblemListedPublishedAndUsableByADevice() {
        // given
        String name = "meter-" + suffix().toLowerCase();
        String device = TestDevices.register(TestAccounts.ADMIN_USERNAME, "EM-MB-" + suffix(), "ENERGY_METER",
                "EM-3PH");

        // when an invalid map is sent
        as(manager).contentType(ContentType.JSON).body("""
                {"registers":[{"name":"energy_wh","address":0,"type":"uint64"},
                              {"name":"energy_wh","address":0,"type":"uint16","scale":0}],
                 "status":{"register":"nope","values":[{"value":1,"level":"WARNING"}]}}""")
                .put("/api/modbus/register-maps/" + name)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", Matchers.allOf(Matchers.containsString("registers[0].type must be one of"),
                        Matchers.containsString("registers[1].name energy_wh is used twice"),
                        Matchers.containsString("registers[1].scale must not be 0"),
                        Matchers.containsString("status.register must name a register of the map"),
                        Matchers.containsString("status.values[0].code is required for WARNING")));

        // and a valid one
        as(manager).contentType(ContentType.JSON).body("""
                {"registers":[{"name":"energy_wh","address":0,"type":"uint32","wordOrder":"low-word-first","unit":"Wh"},
                              {"name":"state","address":2,"type":"uint16"}],
                 "status":{"register":"state","values":[{"value":0,"level":"OK"},
                                                       {"value":2,"level":"FAULT","code":"InternalError"}]}}""")
                .put("/api/modbus/register-maps/" + name).then().statusCode(201).body("builtIn", Matchers.is(false));

        // then
        ModbusRegisterMap published = EventCodec.decode(awaitRecord(Topics.MODBUS_REGISTER_MAPS, name, 1).value(),
                ModbusRegisterMap.class);
        assertThat(published.registers()).extracting(ModbusRegisterMap.Register::name)
                .containsExactly("energy_wh", "state");
        assertThat(published.status().meaning(2).code()).isEqualTo("InternalError");
        as(manager).contentType(ContentType.JSON).body("{\"host\":\"192.0.2.20\",\"profile\":\"" + name + "\"}")
                .put("/api/modbus/devices/" + device).then().statusCode(201);
        as(manager).delete("/api/modbus/register-maps/" + name).then().statusCode(409).contentType(PROBLEM_JSON);
        as(manager).delete("/api/modbus/register-maps/charger-default").then().statusCode(409);
        as(noc).get("/api/modbus/register-maps").then().statusCode(200)
                .body("name", Matchers.hasItems("charger-default", name));
    }

    @Test
    void aModbusDeviceIsOfferedAndTakesNoOcppCommand() {
        // given a charger reached over Modbus, and one over OCPP
        String modbus = TestDevices.register(TestAccounts.ADMIN_USERNAME, "CP-MB-" + suffix(), "EV_CHARGER",
                "AC-22-MB");
        String ocpp = TestDevices.register(TestAccounts.ADMIN_USERNAME, "CP-OC-" + suffix(), "EV_CHARGER", "AC-22");
        as(manager).contentType(ContentType.JSON).body("{\"host\":\"192.0.2.30\"}")
                .put("/api/modbus/devices/" + modbus).then().statusCode(201);

        // when
        List<String> offered = as(noc).get("/api/devices/" + modbus + "/commands/available").then().statusCode(200)
                .body("protocol", Matchers.is("MODBUS")).extract().jsonPath().getList("commands", String.class);

        // then
        assertThat(offered).containsExactly("WRITE_REGISTER").doesNotContainAnyElementsOf(OCPP_COMMANDS);
        as(noc).contentType(ContentType.JSON).body("{\"command\":\"RESET\"}")
                .post("/api/devices/" + modbus + "/commands")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", Matchers.is("urn:fleetcare:problem:command-not-supported"))
                .body("detail", Matchers.containsString("cannot execute RESET; it takes [WRITE_REGISTER]"));
        as(noc).contentType(ContentType.JSON)
                .body("{\"command\":\"WRITE_REGISTER\",\"params\":{\"key\":\"current_setpoint_a\",\"value\":16}}")
                .post("/api/devices/" + modbus + "/commands").then().statusCode(201);
        assertThat(as(noc).get("/api/devices/" + ocpp + "/commands/available").then().statusCode(200)
                .body("protocol", Matchers.is("OCPP")).extract().jsonPath().getList("commands", String.class))
                .containsExactlyElementsOf(OCPP_COMMANDS);
        as(noc).contentType(ContentType.JSON).body("{\"command\":\"WRITE_REGISTER\"}")
                .post("/api/devices/" + ocpp + "/commands").then().statusCode(409);
    }

    private ConsumerRecord<String, byte[]> awaitRecord(String topic, String key, int nth) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            topics.poll(Duration.ofMillis(500)).forEach(seen::add);
            List<ConsumerRecord<String, byte[]>> matching = seen.stream()
                    .filter(r -> r.topic().equals(topic) && key.equals(r.key())).toList();
            if (matching.size() >= nth) {
                return matching.get(nth - 1);
            }
        }
        throw new AssertionError("record " + nth + " of " + key + " not seen on " + topic);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static RequestSpecification as(String username) {
        String password = TestAccounts.ADMIN_USERNAME.equals(username)
                ? TestAccounts.ADMIN_PASSWORD : TestAccounts.passwordOf(username);
        return given().auth().preemptive().basic(username, password);
    }
}
