package io.autocnn.coordinator.engine;

import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.coordinator.dispatch.DispatcherFactory;
import io.autocnn.coordinator.dispatch.InProcessDispatcher;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.PreparedDataCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A stop during the final training leaves the experiment resumable; a cancel during it ends the experiment. */
@Tag("slow")
class FinalTrainingStopTest {

    private static final SearchDefinition DEFINITION = SearchDefinitionParser.parse("""
            {"space": {"convBlocks": {"depth": 1, "filters": {"choices": [2, 4]}}, "training": {"epochs": 1}},
             "dataset": {"limit": 600, "testLimit": 100}, "sampler": "random", "scheduler": "fifo",
             "budget": {"maxTrials": 2, "maxConcurrent": 1, "maxWallTimeSeconds": 60, "finalTrainingShare": 0.5}}
            """);
    private static final DataRecipe RECIPE = DEFINITION.dataset().recipe("", DEFINITION.seed());
    private static final DispatcherFactory IN_PROCESS = (data, options, body, slots) ->
            new InProcessDispatcher(PreparedDataCache.get(data), options, slots);

    @TempDir
    Path dir;
    private TrialStore store;
    private SearchEngine engine;
    private String id;

    @BeforeEach
    void createTheExperiment() {
        store = SqliteTrialStore.open(dir.resolve("store.db"));
        engine = new SearchEngine(store, IN_PROCESS, new ExperimentLayout(dir), event -> { });
        engine.prepare(DEFINITION, RECIPE);
        id = engine.create(DEFINITION).id();
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    /** Runs the experiment; once its final model file appears (the final training is under way), does {@code stop}. */
    private static void runAndStopDuringFinalTraining(SearchEngine engine, String id, Consumer<SearchRun> stop)
            throws Exception {
        SearchRun search = engine.search(id, DEFINITION, RECIPE, SearchListener.NONE);
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                engine.runToEnd(id, DEFINITION, RECIPE, search);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Path finalModel = engine.layout().finalModelOf(id);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(finalModel) && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(run.isDone()).as("still training when stopped").isFalse();
        stop.accept(search);
        run.get(1, TimeUnit.MINUTES);
    }

    @Test
    void aStopDuringTheFinalTrainingLeavesItRunningAndAResumeTrainsTheFinalModelAgain() throws Exception {
        runAndStopDuringFinalTraining(engine, id, SearchRun::interrupt);

        assertThat(store.experiment(id).orElseThrow().status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(engine.finalModel(id)).as("no record of an unfinished final training").isEmpty();

        engine.runToEnd(id, DEFINITION, RECIPE, engine.search(id, DEFINITION, RECIPE, SearchListener.NONE));

        assertThat(store.experiment(id).orElseThrow().status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(engine.finalModel(id)).hasValueSatisfying(model -> {
            assertThat(model.epochsTrained()).isGreaterThan(1.0);
            assertThat(model.testAccuracy().getAsDouble()).isBetween(0.0, 1.0);
        });
        assertThat(store.trials(id, io.autocnn.coordinator.store.TrialQuery.ranking(0, 10)).rows())
                .as("the search's trials were not run again").hasSize(2);
    }

    @Test
    void aCancelDuringTheFinalTrainingEndsTheExperimentCancelled() throws Exception {
        runAndStopDuringFinalTraining(engine, id, SearchRun::cancel);

        assertThat(store.experiment(id).orElseThrow().status()).isEqualTo(ExperimentStatus.CANCELLED);
        assertThat(store.experiment(id).orElseThrow().reason()).contains("final training");
        assertThat(engine.finalModel(id)).isEmpty();
    }
}
