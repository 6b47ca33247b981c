package io.autocnn.coordinator.search;

import io.autocnn.coordinator.dispatch.InProcessDispatcher;

import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.scheduler.AshaScheduler;
import io.autocnn.space.scheduler.FifoScheduler;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real searches of tiny real trials: small networks on 600 real Fashion-MNIST images. */
@Tag("slow")
class SearchRunTest {

    private static TrainingData data;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadData() {
        data = FashionMnistSample.of(800);
    }

    private static SearchSpace space(String training) {
        return SpaceFile.parse("""
                convBlocks:
                  depth: 1
                  filters: {choices: [2, 4, 8]}
                  kernelSize: 3
                  pooling: {choices: [MAX, NONE]}
                training:
                  batchSize: 32
                """ + training, "tiny.yaml", true);
    }

    /** Independent uniform draws per trial, so this test depends on the loop, not on a learning sampler. */
    private static Sampler uniform(SearchSpace space) {
        return new RandomSampler(space, 0);
    }

    @Test
    void ashaSearchPromotesTheTopThirdAndContinuesFromCheckpoints() throws InterruptedException {
        SearchSpace space = space("  epochs: 1\n  learningRate: {min: 0.001, max: 0.01, log: true}\n");
        List<TrialSummary> changes = new ArrayList<>();
        SearchOutcome outcome;
        try (InProcessDispatcher executor = new InProcessDispatcher(data, new RunnerOptions(200, 500), 1)) {
            outcome = new SearchRun("test-search", uniform(space), new AshaScheduler(1.0 / 9, 1.0, 3), executor,
                    new SearchBudget(9, Duration.ofMinutes(10), 0), space.maxEpochs(), dir, changes::add).run();
        }
        List<TrialSummary> ranking = outcome.ranking();
        assertThat(ranking).hasSize(9);
        assertThat(outcome.stopReason()).isEqualTo(StopReason.TRIAL_BUDGET);
        // Successive halving with eta 3 over 9 trials promotes at least the top third to the second rung (more
        // when a late trial beats an early promoted one: asynchronous promotions are never taken back), and at
        // least one trial reaches the full epoch; everything else is pruned.
        long secondRung = ranking.stream().filter(t -> t.epochsTrained() > 1.0 / 3).count();
        long completedCount = ranking.stream().filter(t -> t.state() == TrialState.COMPLETED).count();
        assertThat(secondRung).isBetween(3L, 5L);
        assertThat(completedCount).isBetween(1L, secondRung / 2);
        assertThat(ranking.stream().filter(t -> t.state() == TrialState.PRUNED)).hasSize((int) (9 - completedCount));
        for (TrialSummary trial : ranking) {
            List<Double> epochs = trial.epochs().stream().map(EpochMetrics::epoch).toList();
            assertThat(epochs).isSorted().doesNotHaveDuplicates();
            // 600 images in batches of 32 are 19 batches: 1/9 epoch rounds up to 3 batches.
            assertThat(epochs.get(0)).isEqualTo(0.157895);
        }
        // The completed trial resumed twice, each time from where it paused: one report per rung.
        TrialSummary completed = ranking.stream().filter(t -> t.state() == TrialState.COMPLETED).findFirst()
                .orElseThrow();
        assertThat(completed.epochs()).hasSize(3);
        assertThat(completed.epochs().get(1).epoch()).isEqualTo(0.368421);
        assertThat(completed.epochs().get(2).epoch()).isEqualTo(1.0);
        // Ranking: by last validation error, best first.
        List<Double> errors = ranking.stream().map(t -> t.validationError().orElseThrow()).toList();
        assertThat(errors).isSorted();
        assertThat(outcome.best()).contains(ranking.get(0));
        // Listeners saw every trial pause at its rung before being pruned or promoted.
        assertThat(changes.stream().filter(t -> t.state() == TrialState.PAUSED).map(TrialSummary::index).distinct())
                .hasSize(9);
    }

    @Test
    void tooManyFailedTrialsEndTheSearchWithAReason() throws InterruptedException {
        // Seven unpadded 5x5 convolutions cannot fit 28x28 images: every trial fails before training.
        SearchSpace space = SpaceFile.parse("convBlocks: {depth: 7, kernelSize: 5, padding: VALID}\n"
                + "training: {epochs: 0.2}\n", "failing.yaml", true);
        SearchOutcome outcome;
        try (InProcessDispatcher executor = new InProcessDispatcher(data, RunnerOptions.defaults(), 1)) {
            outcome = new SearchRun("test-search", uniform(space), new FifoScheduler(0.2), executor,
                    new SearchBudget(10, Duration.ofMinutes(5), 2), space.maxEpochs(), dir, SearchListener.NONE).run();
        }
        assertThat(outcome.ranking()).hasSize(3).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAILED);
            assertThat(t.failureCause()).contains(FailureCause.EXCEPTION);
            assertThat(t.message()).contains("convolution 7");
        });
        assertThat(outcome.failure()).hasValueSatisfying(f -> assertThat(f).contains("3 trials failed", "limit of 2"));
        assertThat(outcome.stopReason()).isEqualTo(StopReason.TOO_MANY_FAILURES);
    }

    @Test
    void wallClockBudgetCancelsTheRunningTrial() throws InterruptedException {
        SearchSpace space = space("  epochs: 50\n");
        SearchOutcome outcome;
        try (InProcessDispatcher executor = new InProcessDispatcher(data, RunnerOptions.defaults(), 1)) {
            outcome = new SearchRun("test-search", uniform(space), new FifoScheduler(50), executor,
                    new SearchBudget(5, Duration.ofSeconds(3), 0), space.maxEpochs(), dir, SearchListener.NONE).run();
        }
        assertThat(outcome.stopReason()).isEqualTo(StopReason.WALL_CLOCK_BUDGET);
        assertThat(outcome.ranking()).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TrialState.TIMED_OUT);
            assertThat(t.epochsTrained()).isGreaterThan(0).isLessThan(50);
        });
    }

    @Test
    void anExecutorThatRefusesWorkFailsTrialsAsInfrastructureWithoutCrashing() throws InterruptedException {
        SearchSpace space = space("  epochs: 0.2\n");
        InProcessDispatcher executor = new InProcessDispatcher(data, RunnerOptions.defaults(), 1);
        executor.close();
        SearchOutcome outcome = new SearchRun("test-search", uniform(space), new FifoScheduler(0.2), executor,
                new SearchBudget(10, Duration.ofMinutes(1), 1), space.maxEpochs(), dir, SearchListener.NONE).run();
        assertThat(outcome.ranking()).hasSize(2).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAILED);
            assertThat(t.failureCause()).contains(FailureCause.INFRASTRUCTURE);
            assertThat(t.message()).contains("RejectedExecutionException");
        });
        assertThat(outcome.failure()).hasValueSatisfying(f -> assertThat(f).contains("2 trials failed"));
    }
}
