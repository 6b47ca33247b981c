package io.autocnn.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Times the leaderboard's API requests one after another, each request's name to its milliseconds. */
final class ApiTimings {

    static final String TABLE_PAGE = "table page (50 trials by validation error)";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiTimings() {
    }

    /** Each request {@code times} times, in turn, after one untimed warm-up round. */
    static Map<String, List<Long>> of(String experiment, int times) throws IOException, InterruptedException {
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put(TABLE_PAGE, "/trials?limit=50");
        paths.put("table page filtered on a per-layer parameter (where=convBlocks[2].filters:16..32)",
                "/trials?limit=50&where=" + URLEncoder.encode("convBlocks[2].filters:16..32", StandardCharsets.UTF_8));
        paths.put("table page filtered on two parameters (learning rate and optimizer)", "/trials?limit=50&where="
                + URLEncoder.encode("training.learningRate:0.001..0.01", StandardCharsets.UTF_8) + "&where="
                + URLEncoder.encode("training.optimizer:ADAM", StandardCharsets.UTF_8));
        paths.put("parallel coordinates (500 lines)", "/parallel-coordinates?limit=500");
        paths.put("parameter importance (computed figures)", "/parameter-importance");
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        for (int round = -1; round < times; round++) {
            for (Map.Entry<String, String> path : paths.entrySet()) {
                long start = System.nanoTime();
                get(experiment + path.getValue());
                if (round >= 0) {
                    millis.computeIfAbsent(path.getKey(), k -> new ArrayList<>())
                            .add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return millis;
    }

    /** Reads the parameter importance until it has figures (the first read queues their computation). */
    static void awaitImportance(String experiment) throws IOException, InterruptedException {
        for (int i = 0; i < 6_000; i++) {
            if (JSON.readTree(get(experiment + "/parameter-importance")).get("parameters").size() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no parameter importance after two minutes");
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
