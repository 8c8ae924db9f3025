package io.fleetcare.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Calls the service API's REST endpoints with HTTP Basic, as one of the accounts it was given; JSON in and out.
 * Used by the launcher to seed the demo through the same rules every client goes through.
 */
final class ServiceApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiUrl;
    private final Map<String, String> passwords;

    /**
     * @param apiUrl    base URL, e.g. {@code http://127.0.0.1:8080}; never null
     * @param passwords the password of each account this client may call as; never null
     */
    ServiceApiClient(String apiUrl, Map<String, String> passwords) {
        this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
        this.passwords = Map.copyOf(passwords);
    }

    /**
     * Sends one request and answers the response's JSON (an empty object for an empty body).
     *
     * @param body null for none; serialized with Jackson otherwise
     * @throws ApiRefusal            when the API answers anything but 2xx; it carries the status and the problem text
     * @throws IllegalStateException when the API cannot be reached
     */
    JsonNode call(String method, String path, String user, Object body) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no password for account " + user);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                throw new ApiRefusal(method + " " + path + " as " + user, response.statusCode(), response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(method + " " + path + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + ": interrupted", e);
        }
    }

    /** The API refused a request: its status and the body it answered (a problem document as a rule). */
    static final class ApiRefusal extends RuntimeException {

        private final int status;

        ApiRefusal(String request, int status, String body) {
            super(request + " answered " + status + ": " + body);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
