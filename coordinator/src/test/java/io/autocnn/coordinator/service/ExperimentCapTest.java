package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.dispatch.SparkOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A service runs at most its cap of experiments at once; one more is a 429 that stores nothing. */
@Tag("slow")
class ExperimentCapTest {

    @TempDir
    Path dataDir;

    @Test
    void creatingOneExperimentMoreThanTheCapIsA429AndStoresNothing() throws Exception {
        try (CoordinatorService service = CoordinatorService.start(
                ServiceOptions.loopback(dataDir).withMaxRunningExperiments(1),
                SparkOptions.embedded().withMaster("local[1]").withConcurrency(1, 1))) {
            ApiClient api = new ApiClient(service.port(), null);
            HttpResponse<String> first = api.post("/api/v1/experiments", ExperimentBodies.tiny(50, 300, 3));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            String id = ApiClient.JSON.readTree(first.body()).get("id").asText();

            HttpResponse<String> second = api.post("/api/v1/experiments", ExperimentBodies.tiny(2, 1, 4));
            assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
            JsonNode problem = ApiClient.JSON.readTree(second.body());
            assertThat(problem.get("detail").asText()).contains("1 experiments are running", "--max-experiments");
            assertThat(api.json("/api/v1/experiments").get("experiments")).hasSize(1);

            api.post("/api/v1/experiments/" + id + "/cancel", "");
            api.await("/api/v1/experiments/" + id, e -> !e.get("running").asBoolean(), Duration.ofMinutes(1));
            HttpResponse<String> afterwards = api.post("/api/v1/experiments", ExperimentBodies.tiny(50, 300, 4));
            assertThat(afterwards.statusCode()).as(afterwards.body()).isEqualTo(201);
            // Resuming the cancelled one while the new one runs is over the cap too, and changes nothing.
            assertThat(api.post("/api/v1/experiments/" + id + "/resume", ExperimentBodies.tiny(50, 300, 3))
                    .statusCode()).isEqualTo(429);
            assertThat(api.json("/api/v1/experiments/" + id).get("status").asText()).isEqualTo("cancelled");
            String other = ApiClient.JSON.readTree(afterwards.body()).get("id").asText();
            api.post("/api/v1/experiments/" + other + "/cancel", "");
            api.await("/api/v1/experiments/" + other, e -> !e.get("running").asBoolean(), Duration.ofMinutes(1));
        }
    }
}
