package io.fleetcare.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * What a repair record needs since issue 20, over HTTP: a ticket on site with its assigned engineer, and a catalog
 * part with good stock to issue from.
 */
public final class TestRepairs {

    private TestRepairs() {
    }

    /** Assigns the engineer and walks the ticket REGISTERED -> ACKNOWLEDGED -> SCHEDULED -> ON_SITE as the manager. */
    public static String onSite(String manager, String engineer, String ticketNumber) {
        Instant from = Instant.now().plus(1, ChronoUnit.HOURS);
        as(manager).contentType(ContentType.JSON)
                .body(Map.of("engineer", engineer, "from", from.toString(), "to", from.plus(2, ChronoUnit.HOURS).toString()))
                .put("/api/tickets/{n}/assignment", ticketNumber).then().statusCode(200);
        for (String to : new String[] {"ACKNOWLEDGED", "SCHEDULED", "ON_SITE"}) {
            as(manager).contentType(ContentType.JSON).body(Map.of("to", to))
                    .post("/api/tickets/{n}/transitions", ticketNumber).then().statusCode(200);
        }
        return ticketNumber;
    }

    /** Enters a part of this name (with a unique spec) in the catalog and receives the quantity at the location. */
    public static long stockedPart(String manager, String name, String location, int quantity) {
        long part = as(manager).contentType(ContentType.JSON)
                .body(Map.of("name", name, "spec", "spec " + UUID.randomUUID(), "abcClass", "B"))
                .post("/api/parts").then().statusCode(201).extract().jsonPath().getLong("partId");
        as(manager).contentType(ContentType.JSON)
                .body(Map.of("kind", "RECEIPT", "location", location, "quantity", quantity, "reason", "test delivery"))
                .post("/api/parts/{id}/movements", part).then().statusCode(200);
        return part;
    }

    private static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username));
    }
}
