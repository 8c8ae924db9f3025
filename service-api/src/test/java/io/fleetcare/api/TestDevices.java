package io.fleetcare.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers devices over HTTP for the tests, since issue 20 a case registered by a person names a device of the
 * registry (or says explicitly that the product is unregistered).
 */
public final class TestDevices {

    private TestDevices() {
    }

    /** Registers the device, produced a year ago, with one component under 24 months' warranty; returns its id. */
    public static String register(String username, String deviceId, String deviceType, String model) {
        Map<String, Object> body = new HashMap<>();
        body.put("deviceId", deviceId);
        body.put("deviceType", deviceType);
        body.put("model", model);
        body.put("serial", "SN-" + deviceId);
        body.put("siteAddress", "Depot 3, Harbour Road 12");
        body.put("producedOn", LocalDate.now().minusYears(1).toString());
        body.put("components", List.of(Map.of("name", "main board", "warrantyMonths", 24)));
        given().auth().preemptive().basic(username, password(username)).contentType(ContentType.JSON).body(body)
                .post("/api/devices").then().statusCode(201);
        return deviceId;
    }

    /** Registers a set-top box of model STB-4K-200. */
    public static String registerSetTopBox(String username, String deviceId) {
        return register(username, deviceId, "SET_TOP_BOX", "STB-4K-200");
    }

    private static String password(String username) {
        return TestAccounts.ADMIN_USERNAME.equals(username) ? TestAccounts.ADMIN_PASSWORD
                : TestAccounts.passwordOf(username);
    }
}
