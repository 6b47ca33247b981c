package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.dispatch.SparkOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** 50 parallel API clients while a real sweep runs: no 5xx, and the sweep's every event ends up stored. */
@Tag("slow")
class ApiConcurrencyTest {

    private static final int CLIENTS = 50;

    @TempDir
    Path dataDir;

    @Test
    void fiftyClientsDuringASweepSeeNo5xxAndLoseNoEvent() throws Exception {
        try (CoordinatorService service = CoordinatorService.start(ServiceOptions.loopback(dataDir),
                SparkOptions.embedded().withMaster("local[2]").withConcurrency(2, 1))) {
            ApiClient api = new ApiClient(service.port(), null);
            String body = ExperimentBodies.tiny(6, 2, 3).replace("\"maxConcurrent\": 1", "\"maxConcurrent\": 2");
            String id = ApiClient.JSON.readTree(api.post("/api/v1/experiments", body).body()).get("id").asText();
            String path = "/api/v1/experiments/" + id;
            List<String> reads = List.of("/api/v1/experiments", path, path + "/trials", path + "/trials?sort=trial",
                    path + "/trials?state=running", path + "/trials/0", "/health", "/openapi.yaml");

            AtomicBoolean sweepRunning = new AtomicBoolean(true);
            AtomicInteger requests = new AtomicInteger();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    while (sweepRunning.get()) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        HttpResponse<String> response = random.nextInt(10) == 0
                                ? api.post("/api/v1/experiments", "{\"space\": 1}")
                                : api.get(reads.get(random.nextInt(reads.size())));
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        requests.incrementAndGet();
                    }
                    return null;
                }));
            }
            JsonNode done = api.await(path, e -> !e.get("status").asText().equals("running"), Duration.ofMinutes(4));
            sweepRunning.set(false);
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();

            assertThat(statuses.keySet()).as("status codes seen in %d requests: %s", requests.get(), statuses)
                    .allMatch(status -> status < 500);
            assertThat(statuses.keySet()).contains(200, 422);
            assertThat(requests.get()).isGreaterThan(CLIENTS * 2);
            assertThat(done.get("status").asText()).isEqualTo("completed");
            for (int trial = 0; trial < 6; trial++) {
                JsonNode detail = api.json(path + "/trials/" + trial);
                assertThat(detail.get("state").asText()).isEqualTo("completed");
                assertThat(detail.get("epochs").findValuesAsText("epoch")).containsExactly("1.0", "2.0");
            }
        }
    }
}
