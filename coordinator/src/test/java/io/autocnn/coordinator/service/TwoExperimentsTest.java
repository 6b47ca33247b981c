package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.dispatch.SparkOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two experiments at once in one real service (SQLite file, embedded Spark with two slots, real training on two
 * different samples of Fashion-MNIST): every experiment numbers its trials from 0, and what one does to its trial N
 * (cancel, prune, promote) must never reach the other's trial N.
 */
@Tag("slow")
class TwoExperimentsTest {

    private static CoordinatorService service;
    private static ApiClient api;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        service = CoordinatorService.start(ServiceOptions.loopback(dataDir),
                SparkOptions.embedded().withMaster("local[2]").withConcurrency(2, 1));
        api = new ApiClient(service.port(), null);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String create(String body) throws Exception {
        var created = api.post("/api/v1/experiments", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.JSON.readTree(created.body()).get("id").asText();
    }

    private static JsonNode trials(String id) throws Exception {
        return api.json("/api/v1/experiments/" + id + "/trials?sort=trial&limit=100").get("trials");
    }

    private static JsonNode awaitEnd(String id) throws Exception {
        return api.await("/api/v1/experiments/" + id, e -> !e.get("running").asBoolean()
                && !e.get("status").asText().equals("running"), Duration.ofMinutes(5));
    }

    /** True when the experiment's trial 0 is running and has reported an epoch. */
    private static boolean trialZeroIsTraining(String id) throws Exception {
        JsonNode trials = trials(id);
        return !trials.isEmpty() && trials.get(0).get("state").asText().equals("running")
                && trials.get(0).get("epochsTrained").asDouble() > 0;
    }

    @Test
    void cancellingOneExperimentLeavesTheOthersTrialOfTheSameIndexTraining() throws Exception {
        String a = create(ExperimentBodies.tiny(5, 500, 21, 500, "fifo"));
        String b = create(ExperimentBodies.tiny(2, 30, 22, 600, "fifo"));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!(trialZeroIsTraining(a) && trialZeroIsTraining(b))) {
            assertThat(System.nanoTime()).as("both experiments' trial 0 training at once").isLessThan(deadline);
            Thread.sleep(50);
        }

        assertThat(api.post("/api/v1/experiments/" + a + "/cancel", "").statusCode()).isEqualTo(202);

        assertThat(awaitEnd(a).get("status").asText()).isEqualTo("cancelled");
        JsonNode endOfB = awaitEnd(b);
        assertThat(endOfB.get("status").asText()).isEqualTo("completed");
        assertThat(endOfB.get("progress").get("cancelled").asInt()).isZero();
        assertThat(trials(b)).hasSize(2).allSatisfy(trial -> {
            assertThat(trial.get("state").asText()).isEqualTo("completed");
            assertThat(trial.get("epochsTrained").asDouble()).isEqualTo(30.0);
        });
        JsonNode firstOfB = api.json("/api/v1/experiments/" + b + "/trials/0");
        assertThat(firstOfB.get("epochs")).hasSize(30);
    }

    @Test
    void ashaInOneExperimentPrunesAndPromotesWithoutTouchingTheOther() throws Exception {
        // ASHA over 9 epochs with 3 rungs (1, 3, 9 epochs): of 9 trials most stop at a rung, a few are promoted.
        String a = create(ExperimentBodies.tiny(9, 9, 31, 500, "asha"));
        String b = create(ExperimentBodies.tiny(4, 6, 32, 600, "fifo"));

        assertThat(awaitEnd(a).get("status").asText()).isEqualTo("completed");
        JsonNode endOfB = awaitEnd(b);
        assertThat(endOfB.get("status").asText()).isEqualTo("completed");

        List<String> statesOfA = new ArrayList<>();
        List<Double> epochsOfA = new ArrayList<>();
        trials(a).forEach(trial -> {
            statesOfA.add(trial.get("state").asText());
            epochsOfA.add(trial.get("epochsTrained").asDouble());
        });
        assertThat(statesOfA).hasSize(9).contains("pruned").doesNotContain("cancelled", "failed");
        assertThat(epochsOfA).as("some trials were promoted past the first rung").anyMatch(epochs -> epochs > 1.0);
        assertThat(trials(b)).hasSize(4).allSatisfy(trial -> {
            assertThat(trial.get("state").asText()).isEqualTo("completed");
            assertThat(trial.get("epochsTrained").asDouble()).isEqualTo(6.0);
        });
        for (int index = 0; index < 4; index++) {
            assertThat(api.json("/api/v1/experiments/" + b + "/trials/" + index).get("epochs")).hasSize(6);
        }
    }
}
