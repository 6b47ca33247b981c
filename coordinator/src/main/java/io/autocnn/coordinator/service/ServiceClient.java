package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A client of a running service's REST API (used by {@code autocnn run}). */
public final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Optional<String> token;

    /** @param base e.g. {@code http://127.0.0.1:8080} */
    public ServiceClient(String base, Optional<String> token) {
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            uri = URI.create("invalid:x");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--server must be an http:// or https:// URL, got '" + base + "'");
        }
        this.base = base.replaceAll("/+$", "");
        this.token = token;
    }

    /** The service's address, e.g. {@code http://127.0.0.1:8080}. */
    public String base() {
        return base;
    }

    /** POSTs {@code body}; a non-2xx answer becomes an IllegalArgumentException carrying the service's problem. */
    public JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(1)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        return answer("POST " + path, http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return answer("GET " + path, http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonNode answer(String call, HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            String detail = response.body();
            try {
                JsonNode problem = JSON.readTree(detail);
                detail = problem.path("detail").asText(detail) + (problem.has("violations")
                        ? " " + problem.get("violations") : "");
            } catch (IOException notJson) {
                // keep the raw body
            }
            throw new IllegalArgumentException(call + " answered " + response.statusCode() + ": " + detail);
        }
        return JSON.readTree(response.body());
    }
}
