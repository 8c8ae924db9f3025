package io.fleetcare.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Reads the API's ticket list as an administrator and reports tickets it has not seen before. */
final class TicketFeed {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String apiUrl;
    private final String authorization;
    private final Set<String> seen = new HashSet<>();

    TicketFeed(String apiUrl, String user, String password) {
        this.apiUrl = apiUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** All tickets the API lists now. */
    JsonNode tickets() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/tickets"))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/tickets answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Tickets listed now that earlier calls did not return. */
    List<JsonNode> newTickets() throws IOException, InterruptedException {
        List<JsonNode> fresh = new ArrayList<>();
        for (JsonNode ticket : tickets()) {
            if (seen.add(ticket.path("number").asText())) {
                fresh.add(ticket);
            }
        }
        return fresh;
    }

    void printNewTicketsUntil(CountDownLatch stop) throws InterruptedException {
        while (!stop.await(3, TimeUnit.SECONDS)) {
            try {
                for (JsonNode t : newTickets()) {
                    System.out.printf("ticket %s %s for %s (%s): %s; respond by %s%n", t.path("number").asText(),
                            t.path("status").asText(), t.path("deviceId").asText(), t.path("ruleId").asText(),
                            t.path("problem").asText(), t.path("sla").path("respondBy").asText());
                }
            } catch (IOException e) {
                if (stop.getCount() > 0) {
                    System.out.println("(ticket list not available: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
                }
            }
        }
    }
}
