package io.autocnn.coordinator.dispatch;

import io.autocnn.coordinator.search.SearchBudget;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.search.StopReason;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.scheduler.AshaScheduler;
import io.autocnn.space.scheduler.FifoScheduler;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.TrialListener;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Spark dispatcher on the embedded {@code local[2]} master, with real trials on real data. */
@Tag("slow")
class SparkDispatcherTest {

    private static SparkDispatcher spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkDispatcher.start(SparkOptions.embedded().withMaster("local[2]").withConcurrency(2, 1));
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    /** Records every epoch and whether the trial's result was already known when it arrived. */
    private static final class Recorder implements TrialListener {
        final List<EpochMetrics> epochs = new CopyOnWriteArrayList<>();
        final List<Boolean> arrivedAfterResult = new CopyOnWriteArrayList<>();
        final CountDownLatch firstEpoch = new CountDownLatch(1);
        volatile CompletableFuture<TrialResult> result;

        @Override
        public void onEpoch(EpochMetrics metrics) {
            epochs.add(metrics);
            arrivedAfterResult.add(result != null && result.isDone());
            firstEpoch.countDown();
        }
    }

    @Test
    void trialMetricsArriveLiveInOrderAndTheModelComesBack() throws Exception {
        Recorder recorder = new Recorder();
        Dispatcher dispatcher = spark.forData(TinyTrials.fashionMnist(), TinyTrials.MEASURING, TrialBody.TRAIN);
        TrialTask task = TinyTrials.task(0, 3, dir);
        recorder.result = dispatcher.submit(task, recorder);
        TrialResult result = recorder.result.get(2, TimeUnit.MINUTES);

        assertThat(result.state()).isEqualTo(TrialState.COMPLETED);
        assertThat(recorder.epochs).extracting(EpochMetrics::epoch).containsExactly(1.0, 2.0, 3.0);
        assertThat(recorder.epochs).isEqualTo(result.epochs());
        assertThat(recorder.arrivedAfterResult).containsOnly(false);
        ComputationGraph model = ComputationGraph.load(task.checkpoint().toFile(), false);
        assertThat(model.numParams()).isEqualTo(result.parameterCount());
    }

    @Test
    void anAshaSweepPromotesTrialsFromModelsSentBackByTheirTasks() throws InterruptedException {
        List<TrialSummary> changes = new CopyOnWriteArrayList<>();
        SearchOutcome outcome = new SearchRun("test-search", new RandomSampler(TinyTrials.space(), 3),
                new AshaScheduler(1.0 / 3, 1.0, 3),
                spark.forData(TinyTrials.fashionMnist(), TinyTrials.MEASURING, TrialBody.TRAIN),
                new SearchBudget(6, Duration.ofMinutes(5), 0), 1.0, dir, changes::add).run();

        assertThat(outcome.ranking()).hasSize(6);
        assertThat(outcome.ranking()).allSatisfy(trial -> {
            assertThat(trial.state()).isIn(TrialState.COMPLETED, TrialState.PRUNED);
            assertThat(trial.epochs()).extracting(EpochMetrics::epoch).isSorted().doesNotHaveDuplicates();
        });
        // Promoted trials continued from the checkpoint their first task sent back: two reports, the second at 1.0.
        TrialSummary completed = outcome.ranking().stream().filter(t -> t.state() == TrialState.COMPLETED)
                .findFirst().orElseThrow();
        assertThat(completed.epochs()).extracting(EpochMetrics::epoch).containsExactly(0.333333, 1.0);
        // Live: the leaderboard saw running trials with epochs before they ended.
        assertThat(changes).anySatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.RUNNING);
            assertThat(t.epochs()).isNotEmpty();
        });
    }

    @Test
    void aDryRunAshaSweepPromotesTrialsThoughItsTasksWriteNoModel() throws InterruptedException {
        SearchOutcome outcome = new SearchRun("dry-run", new RandomSampler(TinyTrials.space(), 3),
                new AshaScheduler(1.0 / 3, 1.0, 3),
                spark.forData(TinyTrials.fashionMnist(), TinyTrials.MEASURING, TrialBody.NO_OP),
                new SearchBudget(6, Duration.ofMinutes(5), 0), 1.0, dir, summary -> { }).run();

        assertThat(outcome.ranking()).hasSize(6).allSatisfy(trial ->
                assertThat(trial.state()).as(trial.message()).isIn(TrialState.COMPLETED, TrialState.PRUNED));
        assertThat(outcome.ranking()).anySatisfy(trial -> assertThat(trial.state()).isEqualTo(TrialState.COMPLETED));
    }

    @Test
    void aTrialWhoseDataCannotBeReadOnTheExecutorFailsWithTheCause() throws Exception {
        DataRecipe missing = new DataRecipe("mnist", "/nonexistent/mnist", new ImageShape(1, 28, 28), 0, 0, 0.1,
                false, 0, 1);
        TrialResult result = spark.forData(missing, TinyTrials.MEASURING, TrialBody.TRAIN)
                .submit(TinyTrials.task(1, 1, dir), TrialListener.NONE).get(1, TimeUnit.MINUTES);

        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.failureCause()).contains(FailureCause.EXCEPTION);
        assertThat(result.message()).contains("/nonexistent/mnist");
    }

    @Test
    void cancellingARunningTrialKillsItsTask() throws Exception {
        Recorder recorder = new Recorder();
        Dispatcher dispatcher = spark.forData(TinyTrials.fashionMnist(), TinyTrials.MEASURING, TrialBody.TRAIN);
        CompletableFuture<TrialResult> result = dispatcher.submit(TinyTrials.task(2, 1_000, dir), recorder);
        assertThat(recorder.firstEpoch.await(2, TimeUnit.MINUTES)).isTrue();

        dispatcher.cancel(TinyTrials.key(2));

        assertThatThrownBy(() -> result.get(1, TimeUnit.MINUTES)).isInstanceOf(CancellationException.class);
        SparkJobs.awaitNoneActive(spark.sparkContext());
        assertThat(recorder.epochs.size()).isLessThan(1_000);
    }

    @Test
    void cancellingASearchKillsItsRunningTrialsAndStartsNoMore() throws Exception {
        CountDownLatch firstEpoch = new CountDownLatch(1);
        SearchRun[] search = new SearchRun[1];
        search[0] = new SearchRun("test-search", new RandomSampler(TinyTrials.space(), 4), new FifoScheduler(1_000),
                spark.forData(TinyTrials.fashionMnist(), TinyTrials.MEASURING, TrialBody.TRAIN),
                new SearchBudget(20, Duration.ofMinutes(5), 0), 1_000, dir, summary -> {
                    if (!summary.epochs().isEmpty()) {
                        firstEpoch.countDown();
                    }
                });
        CompletableFuture<SearchOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return search[0].run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(firstEpoch.await(2, TimeUnit.MINUTES)).isTrue();

        search[0].cancel();

        SearchOutcome ended = outcome.get(1, TimeUnit.MINUTES);
        assertThat(ended.stopReason()).isEqualTo(StopReason.CANCELLED);
        // The two trials that were running (two slots) ended cancelled; none started afterwards.
        assertThat(ended.ranking()).hasSize(2).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.CANCELLED);
            assertThat(trial.epochsTrained()).isLessThan(1_000);
        });
        SparkJobs.awaitNoneActive(spark.sparkContext());
    }

    @Test
    void noOpTrialsTravelTheWholePathWithoutTraining() throws Exception {
        Recorder recorder = new Recorder();
        TrialResult result = spark.forData(TinyTrials.fashionMnist(), TinyTrials.MEASURING, TrialBody.NO_OP)
                .submit(TinyTrials.task(3, 2, dir), recorder).get(1, TimeUnit.MINUTES);

        assertThat(result.state()).isEqualTo(TrialState.COMPLETED);
        assertThat(result.epochsTrained()).isEqualTo(2.0);
        assertThat(recorder.epochs).extracting(EpochMetrics::epoch).containsExactly(2.0);
    }
}
