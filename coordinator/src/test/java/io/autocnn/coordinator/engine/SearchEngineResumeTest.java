package io.autocnn.coordinator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.coordinator.dispatch.DispatcherFactory;
import io.autocnn.coordinator.search.FakeDispatcher;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.search.StopReason;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.data.DataRecipe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TPE + ASHA search through the engine and a real SQLite file, "killed" (the store stops writing at one instant)
 * while some trials are paused at a rung and one is running, then resumed by a new engine from nothing but that file:
 * it must end with the trials an uninterrupted search produces. The trials are a {@link FakeDispatcher}'s, so the
 * test takes well under a second; {@code ServiceCrashTest} kills a real service (random sampler, FIFO) mid-sweep.
 */
class SearchEngineResumeTest {

    private static final String SPACE = """
            {"convBlocks": {"depth": 1, "filters": {"choices": [2, 4, 8, 16]}, "kernelSize": {"choices": [3, 5]},
                            "pooling": "MAX"},
             "training": {"batchSize": 32, "epochs": 1, "learningRate": {"min": 0.001, "max": 0.1, "log": true}}}
            """;
    private static final SearchDefinition DEFINITION = SearchDefinitionParser.parse("""
            {"name": "resume", "space": %s, "dataset": {"limit": 600, "validationFraction": 0.2},
             "sampler": "tpe", "scheduler": "asha", "rungs": 3,
             "budget": {"maxTrials": 14, "maxConcurrent": 1}, "seed": 7}
            """.formatted(SPACE));
    private static final DataRecipe RECIPE = DEFINITION.dataset().recipe("", DEFINITION.seed());
    /** The "kill" comes once this many trials were created. */
    private static final int CRASH_AT = 8;

    @TempDir
    Path dir;
    private final List<FakeDispatcher> dispatchers = new ArrayList<>();

    @AfterEach
    void closeDispatchers() {
        dispatchers.forEach(FakeDispatcher::close);
    }

    /** Error falls with epochs and differs by learning rate, so TPE's proposals depend on what it saw. */
    private final DispatcherFactory workers = (data, options, body, slots) -> {
        FakeDispatcher fake = new FakeDispatcher(slots, FakeDispatcher.Mode.REPORT,
                (trial, epochs) -> 0.05 + 0.1 / (1 + epochs) + 0.003 * (trial % 5));
        dispatchers.add(fake);
        return fake;
    };

    private SearchEngine engine(TrialStore store, String folder) {
        return new SearchEngine(store, workers, new ExperimentLayout(dir.resolve(folder)), event -> { });
    }

    private static Map<Integer, String> trials(SearchOutcome outcome) {
        Map<Integer, String> trials = new LinkedHashMap<>();
        outcome.ranking().stream().sorted(java.util.Comparator.comparingInt(TrialSummary::index)).forEach(t ->
                trials.put(t.index(), t.candidate().spec().summary() + " lr " + learningRate(t.candidate().spec())
                        + " " + t.state() + " at " + t.epochsTrained()));
        return trials;
    }

    private static double learningRate(TrialSpec spec) {
        return spec.training().learningRate();
    }

    @Test
    void aSearchKilledWithPausedAndRunningTrialsResumesFromItsSqliteFileToTheUninterruptedTrials() throws Exception {
        Map<Integer, String> uninterrupted;
        try (TrialStore store = SqliteTrialStore.open(dir.resolve("a.db"))) {
            SearchEngine engine = engine(store, "a");
            String id = engine.create(DEFINITION).id();
            uninterrupted = trials(engine.search(id, DEFINITION, RECIPE, SearchListener.NONE).run());
        }
        assertThat(uninterrupted).hasSize(14);

        Path file = dir.resolve("b.db");
        String id;
        try (CrashableStore store = new CrashableStore(SqliteTrialStore.open(file))) {
            SearchEngine engine = engine(store, "b");
            id = engine.create(DEFINITION).id();
            SearchRun[] search = new SearchRun[1];
            search[0] = engine.search(id, DEFINITION, RECIPE, new SearchListener() {
                @Override
                public void onTrialChanged(TrialSummary trial) {
                }

                @Override
                public void onSearchState(JsonNode sampler, JsonNode scheduler, int next, double elapsed) {
                    if (next == CRASH_AT) {
                        store.crash();
                        search[0].cancel();
                    }
                }
            });
            assertThat(search[0].run().stopReason()).isEqualTo(StopReason.CANCELLED);
        }

        try (TrialStore store = SqliteTrialStore.open(file)) {
            assertThat(store.experiment(id).orElseThrow().status()).isEqualTo(ExperimentStatus.RUNNING);
            List<TrialState> left = store.trials(id, TrialQuery.ranking(0, 100)).rows().stream()
                    .map(TrialRow::state).toList();
            assertThat(left).hasSize(CRASH_AT).contains(TrialState.PAUSED, TrialState.RUNNING);

            SearchEngine restarted = engine(store, "b");
            SearchDefinition stored = restarted.definition(store.experiment(id).orElseThrow());
            assertThat(stored).isEqualTo(DEFINITION);
            SearchOutcome resumed = restarted.search(id, stored, RECIPE, SearchListener.NONE).run();
            restarted.finish(id, resumed);

            assertThat(trials(resumed)).isEqualTo(uninterrupted);
            assertThat(store.experiment(id).orElseThrow().status()).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(store.trials(id, TrialQuery.ranking(0, 100)).rows()).hasSize(14)
                    .extracting(TrialRow::state).doesNotContain(TrialState.RUNNING, TrialState.CANCELLED);
        }
    }
}
