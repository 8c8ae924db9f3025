package io.fleetcare.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads alerts and tickets from the service API ({@code GET /api/alerts}, {@code GET /api/tickets}) and puts
 * scenario devices at their sites ({@code PUT /api/sites/{site}/devices}), with HTTP Basic as a personal
 * account. Thread-safe.
 */
public final class PlatformApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 1000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String apiUrl;
    private final String authorization;

    public PlatformApi(String apiUrl, String user, String password) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The alerts raised and the tickets opened at or after {@code since} for the given devices (an alert
     * without a raise time counts as new).
     *
     * @throws IOException when the API cannot be reached or answers anything but 200
     */
    public Map<String, Observed> observe(Collection<String> deviceIds, Instant since)
            throws IOException, InterruptedException {
        Map<String, List<Observed.Alert>> alerts = new HashMap<>();
        Map<String, List<Observed.Ticket>> tickets = new HashMap<>();
        for (JsonNode a : get("/api/alerts?limit=" + LIMIT + "&since="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8))) {
            String device = a.path("deviceId").asText();
            if (deviceIds.contains(device) && !at(a, "raisedAt").isBefore(since)) {
                alerts.computeIfAbsent(device, d -> new ArrayList<>()).add(new Observed.Alert(
                        a.path("ruleId").asText(), a.path("severity").asText(), a.path("state").asText()));
            }
        }
        for (JsonNode t : get("/api/tickets?limit=" + LIMIT)) {
            String device = t.path("deviceId").asText();
            if (deviceIds.contains(device) && !at(t, "openedAt").isBefore(since)) {
                tickets.computeIfAbsent(device, d -> new ArrayList<>()).add(new Observed.Ticket(
                        t.path("number").asText(), t.path("ruleId").asText()));
            }
        }
        Map<String, Observed> observed = new HashMap<>();
        for (String id : deviceIds) {
            observed.put(id, new Observed(alerts.getOrDefault(id, List.of()), tickets.getOrDefault(id, List.of())));
        }
        return observed;
    }

    /** When the API first heard of an alert ({@code receivedAt}) or opened a ticket ({@code openedAt}). */
    public record Timed(String deviceId, String ruleId, Instant at) {
    }

    /** Alerts raised at or after {@code since} (at most 1000, latest first), with the time the API received them. */
    public List<Timed> alertsReceived(Instant since) throws IOException, InterruptedException {
        List<Timed> out = new ArrayList<>();
        for (JsonNode a : get("/api/alerts?limit=" + LIMIT + "&since="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8))) {
            out.add(new Timed(a.path("deviceId").asText(), a.path("ruleId").asText(), at(a, "receivedAt")));
        }
        return out;
    }

    /** Tickets opened at or after {@code since} (at most 1000), with their opening time. */
    public List<Timed> ticketsOpened(Instant since) throws IOException, InterruptedException {
        List<Timed> out = new ArrayList<>();
        for (JsonNode t : get("/api/tickets?limit=" + LIMIT)) {
            Timed ticket = new Timed(t.path("deviceId").asText(), t.path("ruleId").asText(), at(t, "openedAt"));
            if (!ticket.at().isBefore(since)) {
                out.add(ticket);
            }
        }
        return out;
    }

    private static Instant at(JsonNode node, String field) {
        String text = node.path(field).asText("");
        try {
            return text.isEmpty() ? Instant.MAX : Instant.parse(text);
        } catch (java.time.DateTimeException e) {
            return Instant.MAX;
        }
    }

    /** The alerts and tickets of one device (any time). */
    public Observed observe(String deviceId) throws IOException, InterruptedException {
        return observe(List.of(deviceId), Instant.EPOCH).get(deviceId);
    }

    /**
     * Puts the devices at the site (a service manager's or administrator's account is needed).
     *
     * @throws IOException when the API cannot be reached or answers anything but 200
     */
    public void assignSite(String site, List<String> deviceIds) throws IOException, InterruptedException {
        String path = "/api/sites/" + URLEncoder.encode(site, StandardCharsets.UTF_8) + "/devices";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("deviceIds", deviceIds))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("PUT " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl + pathAndQuery))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        if (!body.isArray()) {
            throw new IOException("GET " + pathAndQuery + " did not answer a list");
        }
        return body;
    }
}
