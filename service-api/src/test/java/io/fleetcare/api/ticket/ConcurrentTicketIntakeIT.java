package io.fleetcare.api.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.EmbeddedInfraTestResource;
import io.fleetcare.api.TestAccounts;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Evidence;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Severity;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Several writers (as several instances of the service would be) take in requests for the same device and
 * rule at the same moment; the database constraints decide and the losers join the winner's ticket.
 */
@QuarkusTest
@WithTestResource(value = EmbeddedInfraTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConcurrentTicketIntakeIT {

    private static final int WRITERS = 6;

    @Inject
    TicketIntake intake;

    @Test
    void concurrentRequestsForTheSameDeviceAndRuleEndInOneTicketWithAllOfThem() throws Exception {
        // given
        String device = "STB-RACE-" + UUID.randomUUID().toString().substring(0, 8);
        List<MaintenanceRequest> requests = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            requests.add(request(device, "req-" + UUID.randomUUID(), 90.0 + i));
        }

        // when
        List<IntakeResult> results = acceptAllAtOnce(i -> requests.get(i));

        // then
        assertThat(results).extracting(IntakeResult::outcome)
                .containsOnlyOnce(IntakeResult.Outcome.OPENED)
                .doesNotContain(IntakeResult.Outcome.DUPLICATE);
        assertThat(results).extracting(IntakeResult::ticketNumber).containsOnly(results.get(0).ticketNumber());
        JsonPath tickets = ticketsOf(device);
        assertThat(tickets.getList("$")).hasSize(1);
        assertThat(tickets.getList("[0].sourceRequestIds", String.class))
                .containsExactlyInAnyOrderElementsOf(requests.stream().map(MaintenanceRequest::requestId).toList());
        assertThat(tickets.getList("[0].evidence")).hasSize(WRITERS);
    }

    @Test
    void theSameRequestTakenInConcurrentlyIsRecordedOnce() throws Exception {
        // given
        String device = "STB-RACE-" + UUID.randomUUID().toString().substring(0, 8);
        MaintenanceRequest request = request(device, "req-" + UUID.randomUUID(), 92.0);

        // when
        List<IntakeResult> results = acceptAllAtOnce(i -> request);

        // then
        assertThat(results).extracting(IntakeResult::outcome)
                .containsOnlyOnce(IntakeResult.Outcome.OPENED)
                .doesNotContain(IntakeResult.Outcome.APPENDED);
        JsonPath tickets = ticketsOf(device);
        assertThat(tickets.getList("$")).hasSize(1);
        assertThat(tickets.getList("[0].sourceRequestIds", String.class)).containsExactly(request.requestId());
        assertThat(tickets.getList("[0].evidence")).hasSize(1);
    }

    private List<IntakeResult> acceptAllAtOnce(IntFunction<MaintenanceRequest> requestOfWriter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<IntakeResult>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                MaintenanceRequest request = requestOfWriter.apply(i);
                Callable<IntakeResult> writer = () -> {
                    start.await();
                    return intake.accept(request);
                };
                futures.add(pool.submit(writer));
            }
            start.countDown();
            List<IntakeResult> results = new ArrayList<>();
            for (Future<IntakeResult> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static MaintenanceRequest request(String device, String requestId, double celsius) {
        Instant now = Instant.now();
        return new MaintenanceRequest(requestId, device, DeviceType.SET_TOP_BOX, "STB-4K-200", "stb.cpu-overheat",
                MaintenanceRequest.Kind.CORRECTIVE, Severity.CRITICAL, "CPU above 95 °C", now, null, null,
                List.of(Evidence.reading(now, "cpu_temp_c", celsius)));
    }

    private static JsonPath ticketsOf(String device) {
        return given().auth().preemptive().basic(TestAccounts.ADMIN_USERNAME, TestAccounts.ADMIN_PASSWORD)
                .queryParam("deviceId", device)
                .get("/api/tickets")
                .then().statusCode(200).extract().jsonPath();
    }
}
