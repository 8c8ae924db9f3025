package io.fleetcare.api;

import io.fleetcare.api.account.AccountRepository;
import io.fleetcare.api.account.AccountService;
import static io.restassured.RestAssured.given;

import io.fleetcare.api.account.Role;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Credentials the integration tests sign in with; the admin is the bootstrap administrator of the %test profile. */
public final class TestAccounts {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-secret-1";
    /** The top manager (总经理/董事长), who alone decides access grants; created by {@link #asTopManager}. */
    public static final String TOP_MANAGER_USERNAME = "top-manager";

    private TestAccounts() {
    }

    /** The password {@link #ensure} gives an account. */
    public static String passwordOf(String username) {
        return "pw-" + username + "-123456";
    }

    /** Creates the account with one role unless it exists; returns its username. */
    public static String ensure(AccountService service, AccountRepository accounts, String username, Role role) {
        if (accounts.findByUsername(username).isEmpty()) {
            service.create(username, passwordOf(username), EnumSet.of(role));
        }
        return username;
    }

    /**
     * A request signed in (HTTP Basic) as the top manager, whose account the administrator creates through the API
     * the first time.
     */
    public static RequestSpecification asTopManager() {
        String password = passwordOf(TOP_MANAGER_USERNAME);
        int status = given().auth().preemptive().basic(TOP_MANAGER_USERNAME, password).get("/api/session")
                .then().extract().statusCode();
        if (status == 401) {
            given().auth().preemptive().basic(ADMIN_USERNAME, ADMIN_PASSWORD).contentType(ContentType.JSON)
                    .body(Map.of("username", TOP_MANAGER_USERNAME, "password", password,
                            "roles", List.of(Role.TOP_MANAGER.name())))
                    .post("/api/accounts").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
        }
        return given().auth().preemptive().basic(TOP_MANAGER_USERNAME, password);
    }
}
