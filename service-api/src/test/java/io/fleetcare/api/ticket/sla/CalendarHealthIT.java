package io.fleetcare.api.ticket.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The calendar horizon check as the running service lists it, with the shipped calendar files. */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CalendarHealthIT {

    @Test
    void theWorkingDayCalendarCheckIsListedAtQHealthWithTheShippedYears() {
        given().get("/q/health").then()
                .body("checks.name", hasItem(CalendarHorizonCheck.NAME))
                .body("checks.find { it.name == 'working-day calendar' }.data.calendarEndsOn",
                        org.hamcrest.Matchers.equalTo("2027-12-31"))
                .body("checks.find { it.name == 'working-day calendar' }.data.provisionalYears",
                        org.hamcrest.Matchers.equalTo("[2027]"));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.name", hasItem(CalendarHorizonCheck.NAME));
    }
}
