package io.fleetcare.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/** Access grants for integration tests: asked by an account, approved by the top manager. */
public final class TestGrants {

    private TestGrants() {
    }

    /** Asks as {@code username} for the customer's class-1 fields for an hour and has the top manager approve. */
    public static long approved(String username, long customerId) {
        long grantId = requested(username, customerId, 60);
        TestAccounts.asTopManager().post("/api/grants/" + grantId + "/approval").then().statusCode(200);
        return grantId;
    }

    /** Asks as {@code username}; the id of the REQUESTED grant. */
    public static long requested(String username, long customerId, int minutes) {
        return given().auth().preemptive().basic(username, TestAccounts.passwordOf(username))
                .contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId, "reason", "visit planning", "durationMinutes", minutes))
                .post("/api/grants").then().statusCode(201).extract().jsonPath().getLong("grantId");
    }
}
