package io.autocnn.coordinator.engine;

import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.coordinator.dispatch.DispatcherFactory;
import io.autocnn.coordinator.search.FakeDispatcher;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.workers.train.Augmentation;
import io.autocnn.workers.train.RunnerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the engine hands the workers from a definition (with a {@link FakeDispatcher}: no training). */
class SearchEngineTest {

    @TempDir
    Path dir;

    @Test
    void seedTrialsAreTheFirstTrialsAndTheSamplerTakesOverAfterThem() throws Exception {
        TrialSpec seed = LeNet5.spec();
        SearchDefinition definition = SearchDefinitionParser.parse("""
                {"space": {"convBlocks": {"depth": 1, "filters": {"choices": [2, 4]}}, "training": {"epochs": 1}},
                 "dataset": {"limit": 600}, "sampler": "random", "scheduler": "fifo",
                 "budget": {"maxTrials": 3, "maxConcurrent": 1}, "seedTrials": [%s]}
                """.formatted(TrialSpecJson.write(seed)));
        List<TrialSpec> created = new ArrayList<>();
        List<Long> storedSizes = new ArrayList<>();
        List<FakeDispatcher> fakes = new ArrayList<>();
        DispatcherFactory workers = (data, options, body, slots) -> {
            FakeDispatcher fake = new FakeDispatcher(slots, FakeDispatcher.Mode.REPORT, (trial, epochs) -> 0.5);
            fakes.add(fake);
            return fake;
        };
        try (TrialStore store = SqliteTrialStore.open(dir.resolve("seeded.db"))) {
            SearchEngine engine = new SearchEngine(store, workers, new ExperimentLayout(dir.resolve("seeded")),
                    event -> { });
            String id = engine.create(definition).id();
            engine.search(id, definition, definition.dataset().recipe("", definition.seed()), new SearchListener() {
                @Override
                public void onTrialChanged(TrialSummary trial) {
                }

                @Override
                public void onTrialCreated(int index, Candidate candidate) {
                    created.add(candidate.spec());
                    // Stored before this listener hears of it, with its size counted before any epoch.
                    storedSizes.add(store.trial(id, index).orElseThrow().trial().parameterCount());
                }
            }).run();
        } finally {
            fakes.forEach(FakeDispatcher::close);
        }
        assertThat(created).hasSize(3);
        assertThat(created.get(0)).isEqualTo(seed);
        assertThat(storedSizes.get(0)).isEqualTo(61_706); // LeNet-5 on 28x28 images and 10 classes
        assertThat(created.subList(1, 3)).allSatisfy(spec -> assertThat(spec.convBlocks()).hasSize(1));
    }

    @Test
    void theDatasetsAugmentationReachesTheTrialRunnersOptions() throws Exception {
        SearchDefinition definition = SearchDefinitionParser.parse("""
                {"space": {"convBlocks": {"depth": 1}, "training": {"epochs": 1}},
                 "dataset": {"limit": 600, "augmentShift": 3, "augmentErasing": true},
                 "scheduler": "fifo", "budget": {"maxTrials": 2, "maxConcurrent": 1}}
                """);
        List<RunnerOptions> asked = new ArrayList<>();
        List<FakeDispatcher> fakes = new ArrayList<>();
        DispatcherFactory workers = (data, options, body, slots) -> {
            asked.add(options);
            FakeDispatcher fake = new FakeDispatcher(slots, FakeDispatcher.Mode.REPORT, (trial, epochs) -> 0.5);
            fakes.add(fake);
            return fake;
        };
        try (TrialStore store = SqliteTrialStore.open(dir.resolve("autocnn.db"))) {
            SearchEngine engine = new SearchEngine(store, workers, new ExperimentLayout(dir), event -> { });
            String id = engine.create(definition).id();
            engine.search(id, definition, definition.dataset().recipe("", definition.seed()), SearchListener.NONE)
                    .run();
        } finally {
            fakes.forEach(FakeDispatcher::close);
        }
        assertThat(asked).extracting(RunnerOptions::augmentation).containsExactly(new Augmentation(3, false, true));
    }
}
