package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.dispatch.SparkChildJvm;
import io.autocnn.coordinator.dispatch.SparkChildJvm;
import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as a child JVM ({@code autocnn serve}) is stopped mid-sweep (Ctrl-C's SIGINT, a plain kill's SIGTERM,
 * or SIGKILL) and started again on the same data directory: the stop leaves the experiment running and the trial it
 * interrupted unfinished (never failed or cancelled), no completed trial is lost, none is duplicated, the interrupted
 * one runs again as its next attempt, the sweep finishes, and the trials' specifications are those an uninterrupted
 * run with the same seed produces.
 */
@Tag("slow")
class ServiceCrashTest {

    private static final int TRIALS = 6;
    private static final long SEED = 21;
    /** Long enough (seconds a trial) that a stop lands inside a trial, not between two. */
    private static final int EPOCHS = 20;

    @TempDir
    Path dataDir;

    private Process service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.descendants().forEach(ProcessHandle::destroyForcibly);
            service.destroyForcibly();
        }
    }

    /** How the service is stopped: Ctrl-C, a plain kill, or kill -9. */
    enum Stop { SIGINT, SIGTERM, SIGKILL }

    @ParameterizedTest
    @EnumSource(Stop.class)
    void aStoppedServiceResumesItsSweepWithoutLosingOrRepeatingTrials(Stop stop) throws Exception {
        int port = freePort();
        ApiClient api = new ApiClient(port, null);
        service = startService(port, "first");
        awaitUp(api);
        String id = ApiClient.JSON.readTree(api.post("/api/v1/experiments",
                ExperimentBodies.tiny(TRIALS, EPOCHS, SEED)).body()).get("id").asText();
        String path = "/api/v1/experiments/" + id;
        api.await(path, e -> e.get("progress").get("completed").asInt() >= 2
                && e.get("progress").get("running").asInt() == 1, Duration.ofMinutes(3));
        Map<Integer, Double> beforeKill = completedErrors(api, path);

        switch (stop) {
            case SIGKILL -> service.destroyForcibly();
            case SIGTERM -> service.destroy();
            case SIGINT -> new ProcessBuilder("kill", "-INT", Long.toString(service.pid())).start().waitFor();
        }
        assertThat(service.waitFor(90, TimeUnit.SECONDS)).as("the service exited after " + stop).isTrue();
        List<Integer> interrupted = new ArrayList<>();
        try (TrialStore store = SqliteTrialStore.open(dataDir.resolve("autocnn.db"))) {
            assertThat(store.experiment(id).orElseThrow().status()).isEqualTo(ExperimentStatus.RUNNING);
            for (TrialRow row : store.trials(id, TrialQuery.ranking(0, 100)).rows()) {
                // A stop leaves trials finished or running (to run again), never failed or cancelled by the stop.
                assertThat(row.state()).as("trial " + row.trialIndex() + " after " + stop)
                        .isIn(TrialState.COMPLETED, TrialState.RUNNING, TrialState.PENDING);
                if (row.state() == TrialState.RUNNING) {
                    interrupted.add(row.trialIndex());
                }
            }
        }
        // The stop lands inside a trial (seconds long) all but always; between two trials nothing is running.
        assertThat(interrupted).as("the trial running at the stop").hasSizeLessThanOrEqualTo(1);

        service = startService(port, "second");
        awaitUp(api);

        JsonNode done = api.await(path, e -> e.get("status").asText().equals("completed"), Duration.ofMinutes(4));
        assertThat(done.get("progress").get("trials").asInt()).isEqualTo(TRIALS);
        assertThat(done.get("progress").get("completed").asInt()).isEqualTo(TRIALS);
        JsonNode trials = api.json(path + "/trials?sort=trial&limit=100").get("trials");
        List<Integer> indices = new ArrayList<>();
        trials.forEach(t -> indices.add(t.get("trial").asInt()));
        assertThat(indices).containsExactly(0, 1, 2, 3, 4, 5);
        // Trials completed before the kill kept their results (and were not run again).
        Map<Integer, Double> afterRestart = completedErrors(api, path);
        beforeKill.forEach((trial, error) -> assertThat(afterRestart).containsEntry(trial, error));
        for (JsonNode trial : trials) {
            int index = trial.get("trial").asInt();
            if (beforeKill.containsKey(index)) {
                assertThat(trial.get("attempt").asInt()).isEqualTo(1);
            }
            if (interrupted.contains(index)) {
                // The trial the stop interrupted ran again, as its next attempt, and completed.
                assertThat(trial.get("attempt").asInt()).isEqualTo(2);
            }
        }
        // The same specifications as an uninterrupted run: the random sampler's i-th proposal from the seed.
        SearchSpace space = SpaceFile.parse(ExperimentBodies.SPACE.formatted(EPOCHS), "space.json", false);
        Sampler sampler = Samplers.create("random", space, SEED);
        for (JsonNode trial : trials) {
            TrialSpec stored = TrialSpecJson.read(trial.get("spec").toString(), "stored");
            assertThat(stored).isEqualTo(sampler.propose(trial.get("trial").asInt(), List.of()).orElseThrow().spec());
        }
        assertThat(Files.readString(dataDir.resolve("second.log"))).contains("resumed experiment " + id);
    }

    private static Map<Integer, Double> completedErrors(ApiClient api, String path) throws Exception {
        Map<Integer, Double> errors = new HashMap<>();
        for (JsonNode trial : api.json(path + "/trials?state=completed&limit=100").get("trials")) {
            errors.put(trial.get("trial").asInt(), trial.get("validationError").asDouble());
        }
        return errors;
    }

    private Process startService(int port, String log) throws IOException {
        return SparkChildJvm.start(List.of("-Xmx2g"), "io.autocnn.coordinator.cli.AutoCnn", List.of("serve",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString(), "--master", "local[2]",
                "--threads-per-trial", "2"), dataDir.resolve(log + ".log"));
    }

    private void awaitUp(ApiClient api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (api.get("/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!service.isAlive()) {
                throw new AssertionError("the service exited: " + Files.readString(dataDir.resolve("first.log")));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not come up");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
