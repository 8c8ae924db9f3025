package io.fleetcare.api.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import io.fleetcare.api.account.Role;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service category of a case, decided when it is registered from the warranty of the component it names, else
 * of all the device's components when they agree (seed 002 §2.1, seed 004 §4).
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TicketServiceCategoryIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    TicketIntake intake;

    @Inject
    AccountService accountService;

    @Inject
    AccountRepository accounts;

    private String manager;

    @BeforeEach
    void accounts() {
        manager = TestAccounts.ensure(accountService, accounts, "cat-manager", Role.SERVICE_MANAGER);
    }

    @Test
    void telemetryCaseOfADeviceWhoseComponentsAreAllInWarrantyIsFree() {
        // given
        String device = register(List.of(component("main board", 36, null), component("power supply", 48, null)));

        // when
        JsonPath ticket = ticket(openFromTelemetry(device));

        // then
        assertThat(ticket.getString("serviceCategory")).isEqualTo("FREE");
        assertThat(ticket.getMap("$")).containsEntry("serviceComponentId", null);
    }

    @Test
    void telemetryCaseOfADeviceWhoseComponentsDifferIsUndeterminedAndACaseNamingOneTakesItsCategory() {
        // given: produced two years ago, the board's 12 months are over, the power supply's 36 are not, the
        // cable is out of warranty but under a service agreement
        String device = register(List.of(component("main board", 12, null), component("power supply", 36, null),
                component("cable", 12, TODAY.plusYears(1))));

        // when
        JsonPath fromTelemetry = ticket(openFromTelemetry(device));
        JsonPath board = ticket(registerByPhone(device, "main board").then().statusCode(201).extract()
                .jsonPath().getString("number"));
        JsonPath supply = ticket(registerByPhone(device, "power supply").then().statusCode(201).extract()
                .jsonPath().getString("number"));
        JsonPath cable = ticket(registerByPhone(device, "cable").then().statusCode(201).extract()
                .jsonPath().getString("number"));

        // then
        assertThat(fromTelemetry.getString("serviceCategory")).isNull();
        assertThat(board.getString("serviceCategory")).isEqualTo("PAID");
        assertThat(board.getLong("serviceComponentId")).isPositive();
        assertThat(supply.getString("serviceCategory")).isEqualTo("FREE");
        assertThat(cable.getString("serviceCategory")).isEqualTo("CONTRACT");
        assertThat(List.of(board.getLong("serviceComponentId"), supply.getLong("serviceComponentId"),
                cable.getLong("serviceComponentId"))).doesNotHaveDuplicates();
    }

    @Test
    void caseNamingAComponentTheDeviceDoesNotHaveOrOfAnUnregisteredDeviceIsRefused400AndNothingIsStored() {
        // given
        String device = register(List.of(component("main board", 24, null)));
        String unregistered = "STB-CAT-NONE-" + UUID.randomUUID().toString().substring(0, 8);

        // when
        Response unknownComponent = registerByPhone(device, "flux capacitor");
        Response unknownDevice = registerByPhone(unregistered, "main board");
        Response unregisteredWithout = registerByPhone(unregistered, null);
        Response saidUnregistered = as(manager).contentType(ContentType.JSON).body(Map.of("channel", "PHONE",
                "deviceId", unregistered, "deviceType", "SET_TOP_BOX", "model", "STB-4K-200", "serial", "told-123",
                "unregisteredProduct", true, "problem", "no picture", "severity", "MINOR")).post("/api/tickets");

        // then
        unknownComponent.then().statusCode(400).contentType("application/problem+json");
        assertThat(unknownComponent.jsonPath().getString("detail")).contains("flux capacitor");
        unknownDevice.then().statusCode(400).contentType("application/problem+json");
        assertThat(ticketsOf(device)).isEmpty();
        // issue 20: a case for a device the registry does not hold is refused unless it says so explicitly
        unregisteredWithout.then().statusCode(400).contentType("application/problem+json");
        assertThat(unregisteredWithout.jsonPath().getString("type"))
                .isEqualTo("urn:fleetcare:problem:device-not-registered");
        saidUnregistered.then().statusCode(201);
        assertThat(saidUnregistered.jsonPath().getString("serviceCategory")).isNull();
        assertThat(saidUnregistered.jsonPath().getBoolean("unregistered")).isTrue();
        assertThat(ticketsOf(unregistered)).hasSize(1);
    }

    private String register(List<Map<String, Object>> components) {
        String device = "STB-CAT-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", device);
        body.put("deviceType", "SET_TOP_BOX");
        body.put("model", "STB-4K-200");
        body.put("serial", "SN-" + device);
        body.put("siteAddress", "Flat 3, Lake Road 1");
        body.put("producedOn", TODAY.minusYears(2).toString());
        body.put("components", components);
        as(manager).contentType(ContentType.JSON).body(body).post("/api/devices").then().statusCode(201);
        return device;
    }

    private static Map<String, Object> component(String name, int warrantyMonths, LocalDate contractUntil) {
        Map<String, Object> component = new HashMap<>(Map.of("name", name, "warrantyMonths", warrantyMonths));
        if (contractUntil != null) {
            component.put("serviceContractUntil", contractUntil.toString());
        }
        return component;
    }

    private String openFromTelemetry(String device) {
        Instant now = Instant.now();
        return intake.accept(new MaintenanceRequest("req-" + UUID.randomUUID(), device, DeviceType.SET_TOP_BOX,
                "STB-4K-200", "stb.cpu-overheat", MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR,
                "CPU above 85 °C for 5 minutes", now, null, null, List.of(Evidence.reading(now, "cpu_temp_c", 91.0))))
                .ticketNumber();
    }

    private Response registerByPhone(String device, String component) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", "PHONE", "deviceId", device,
                "deviceType", "SET_TOP_BOX", "problem", "no picture", "severity", "MINOR"));
        if (component != null) {
            body.put("component", component);
        }
        return as(manager).contentType(ContentType.JSON).body(body).post("/api/tickets");
    }

    private JsonPath ticket(String number) {
        return as(manager).get("/api/tickets/{number}", number).then().statusCode(200).extract().jsonPath();
    }

    private List<String> ticketsOf(String device) {
        return as(manager).queryParam("deviceId", device).get("/api/tickets").then().statusCode(200).extract()
                .jsonPath().getList("number", String.class);
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
