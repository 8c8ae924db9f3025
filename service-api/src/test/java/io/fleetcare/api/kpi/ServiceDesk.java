package io.fleetcare.api.kpi;

import static io.restassured.RestAssured.given;

import io.fleetcare.api.TestAccounts;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the KPI tests do over HTTP, as the people of the service desk would: register, walk, repair, survey, read. */
final class ServiceDesk {

    static final ZoneId SLA_ZONE = ZoneId.of("Asia/Shanghai");

    private final String noc;
    private final String engineer;
    private final String manager;

    ServiceDesk(String noc, String engineer, String manager) {
        this.noc = noc;
        this.engineer = engineer;
        this.manager = manager;
    }

    /** Registers a device with one component under 24 months' warranty; returns the component id. */
    long registerDevice(String deviceId, String model, String firmware) {
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", deviceId);
        body.put("deviceType", "SET_TOP_BOX");
        body.put("model", model);
        body.put("serial", "SN-" + deviceId);
        body.put("firmware", firmware);
        body.put("siteAddress", "Depot 3, Harbour Road 12");
        body.put("producedOn", LocalDate.now(SLA_ZONE).minusMonths(6).toString());
        body.put("components", List.of(Map.of("name", "main board", "warrantyMonths", 24)));
        JsonPath device = as(manager).contentType(ContentType.JSON).body(body).post("/api/devices")
                .then().statusCode(201).extract().jsonPath();
        return device.getLong("components[0].componentId");
    }

    /**
     * Walks the ticket from REGISTERED (or on from where it is) along the main line up to {@code status}; RESOLVED
     * needs a record filed before ({@link #fileRepair}), whose customer sign-off confirms the case.
     */
    void walk(String number, String fromStatus, String status) {
        List<String> line = List.of("REGISTERED", "ACKNOWLEDGED", "SCHEDULED", "ON_SITE", "RESOLVED",
                "CUSTOMER_CONFIRMED", "CLOSED");
        for (String to : line.subList(line.indexOf(fromStatus) + 1, line.indexOf(status) + 1)) {
            if (to.equals("SCHEDULED")) {
                Instant now = Instant.now();
                as(manager).contentType(ContentType.JSON)
                        .body(Map.of("engineer", engineer, "from", now.plusSeconds(3600).toString(),
                                "to", now.plusSeconds(7200).toString()))
                        .put("/api/tickets/{number}/assignment", number).then().statusCode(200);
            }
            String mover = to.equals("ACKNOWLEDGED") ? noc
                    : to.equals("ON_SITE") || to.equals("RESOLVED") ? engineer : manager;
            Map<String, Object> body = to.equals("CUSTOMER_CONFIRMED")
                    ? Map.of("to", to, "confirmation", Map.of("method", "SIGNATURE"))
                    : Map.of("to", to);
            as(mover).contentType(ContentType.JSON).body(body)
                    .post("/api/tickets/{number}/transitions", number).then().statusCode(200);
        }
    }

    /**
     * The engineer files a REPAIR record for the ticket; {@code partId} (a catalog part, issued from the Ningbo
     * depot with the record) may be null.
     */
    long fileRepair(String deviceId, String number, Long partId, Long componentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "REPAIR");
        body.put("deviceId", deviceId);
        body.put("ticketNumber", number);
        body.put("symptom", "reboots every few minutes");
        body.put("cause", "fan seized, CPU overheats");
        body.put("workDone", "fan replaced, firmware settings checked");
        body.put("testResult", "CPU at 61 °C under load for 30 minutes");
        body.put("minutesSpent", 45);
        body.put("customerSignOff", "Ms Zhao");
        body.put("performedAt", Instant.now().minusMillis(1).toString());
        if (partId != null) {
            Map<String, Object> replaced = new HashMap<>(Map.of("partId", partId, "location", "Ningbo depot",
                    "quantity", 1, "reason", "seized"));
            if (componentId != null) {
                replaced.put("componentId", componentId);
            }
            body.put("partsReplaced", List.of(replaced));
        }
        return as(engineer).contentType(ContentType.JSON).body(body).post("/api/repairs")
                .then().statusCode(201).extract().jsonPath().getLong("recordId");
    }

    /** A manager reopens the resolved or confirmed case (it moves back to ACKNOWLEDGED). */
    void reopen(String number, String reason) {
        as(manager).contentType(ContentType.JSON).body(Map.of("to", "ACKNOWLEDGED", "reason", reason))
                .post("/api/tickets/{number}/transitions", number).then().statusCode(200);
    }

    void survey(String number, int attitude, int skill, int punctuality, int result) {
        as(noc).contentType(ContentType.JSON)
                .body(Map.of("attitude", attitude, "skill", skill, "punctuality", punctuality, "result", result,
                        "comment", "fine"))
                .post("/api/tickets/{number}/survey", number).then().statusCode(201);
    }

    /** KPIs from yesterday to tomorrow (in the SLA zone), so tickets opened now count whatever the hour. */
    JsonPath kpisAroundToday(String groupBy) {
        LocalDate today = LocalDate.now(SLA_ZONE);
        return as(manager).queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).queryParam("groupBy", groupBy)
                .get("/api/kpis").then().statusCode(200).extract().jsonPath();
    }

    String manager() {
        return manager;
    }

    static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
