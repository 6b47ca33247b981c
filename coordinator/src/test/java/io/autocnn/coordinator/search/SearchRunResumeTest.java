package io.autocnn.coordinator.search;

import io.autocnn.coordinator.dispatch.InProcessDispatcher;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.scheduler.Schedulers;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search stopped mid-way and resumed from what its listener recorded (as the store records it) ends with the same
 * trials as an uninterrupted search: TPE proposals depend on the history and ASHA's promotions on its saved state,
 * so a resume that restored either wrongly would diverge.
 */
@Tag("slow")
class SearchRunResumeTest {

    private static final SearchSpace SPACE = SpaceFile.parse("""
            convBlocks:
              depth: 1
              filters: {choices: [2, 4, 8]}
              kernelSize: {choices: [3, 5]}
              pooling: MAX
            training:
              batchSize: 32
              epochs: 1
              learningRate: {min: 0.001, max: 0.02, log: true}
            """, "resume-space.yaml", true);
    private static final int TRIALS = 9;
    private static TrainingData data;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadData() {
        data = FashionMnistSample.of(600);
    }

    private SearchRun search(SearchListener listener, InProcessDispatcher dispatcher, Path checkpoints) {
        return new SearchRun("test-search", Samplers.create("tpe", SPACE, 7), Schedulers.create("asha", 1.0, 3), dispatcher,
                new SearchBudget(TRIALS, Duration.ofMinutes(10), 0), 1.0, checkpoints, listener);
    }

    @Test
    void aResumedSearchProducesTheTrialsOfAnUninterruptedOne() throws Exception {
        Map<Integer, TrialSpec> uninterrupted = new LinkedHashMap<>();
        Map<Integer, Double> uninterruptedEpochs = new LinkedHashMap<>();
        try (InProcessDispatcher dispatcher = new InProcessDispatcher(data, new RunnerOptions(200, 500), 1)) {
            for (TrialSummary trial : search(SearchListener.NONE, dispatcher, dir.resolve("a")).run().ranking()) {
                uninterrupted.put(trial.index(), trial.candidate().spec());
                uninterruptedEpochs.put(trial.index(), trial.epochsTrained());
            }

            StoredSearch recorder = new StoredSearch(5);
            recorder.search = search(recorder, dispatcher, dir.resolve("b"));
            assertThat(recorder.search.run().stopReason()).isEqualTo(StopReason.CANCELLED);
            SearchCheckpoint crashPoint = recorder.crashPoint;
            assertThat(crashPoint.trials()).hasSize(5);
            assertThat(crashPoint.trials().get(4).summary().state()).isEqualTo(TrialState.RUNNING);

            SearchOutcome resumed = search(SearchListener.NONE, dispatcher, dir.resolve("b"))
                    .resumingFrom(crashPoint).run();

            Map<Integer, TrialSpec> afterResume = new LinkedHashMap<>();
            resumed.ranking().forEach(t -> afterResume.put(t.index(), t.candidate().spec()));
            assertThat(afterResume).isEqualTo(uninterrupted);
            // ASHA continued from its saved state: the same trials were promoted as far.
            Map<Integer, Double> epochsAfterResume = new LinkedHashMap<>();
            resumed.ranking().forEach(t -> epochsAfterResume.put(t.index(), t.epochsTrained()));
            assertThat(epochsAfterResume).isEqualTo(uninterruptedEpochs);
            assertThat(resumed.ranking()).extracting(TrialSummary::index).doesNotHaveDuplicates().hasSize(TRIALS);
            // Trials finished before the crash kept their results; the interrupted one ran again.
            crashPoint.trials().stream().filter(t -> !t.summary().state().equals(TrialState.RUNNING))
                    .forEach(before -> assertThat(resumed.ranking()).anySatisfy(after -> {
                        assertThat(after.index()).isEqualTo(before.summary().index());
                        assertThat(after.epochs()).startsWith(before.summary().epochs().toArray(
                                new io.autocnn.space.trial.EpochMetrics[0]));
                    }));
            assertThat(resumed.stopReason()).isEqualTo(StopReason.TRIAL_BUDGET);
        }
    }
}
