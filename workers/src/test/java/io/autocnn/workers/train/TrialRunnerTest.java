package io.autocnn.workers.train;

import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecLimits;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.space.spec.BlockKind;
import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.Normalization;
import io.autocnn.space.spec.LearningRateCurve;
import io.autocnn.space.spec.LearningRateSchedule;
import io.autocnn.space.spec.HeadPooling;
import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.workers.data.FashionMnistFixture;
import io.autocnn.workers.data.LabeledImages;
import io.autocnn.workers.data.ValidationSplit;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.LeNet5;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.learning.config.IUpdater;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Real training on small real Fashion-MNIST subsets. */
@Tag("slow")
class TrialRunnerTest {

    private static TrainingData small;
    private static ValidationSplit.Parts smallParts;
    private static LabeledImages smallTest;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadData() {
        LabeledImages train = ValidationSplit.sample(FashionMnistFixture.train(), 4_000, 1);
        ValidationSplit.Parts parts = ValidationSplit.carve(train, 0.25, 2);
        LabeledImages test = ValidationSplit.sample(FashionMnistFixture.test(), 2_000, 3);
        small = TrainingData.of(parts.train(), parts.validation(), test);
        smallParts = parts;
        smallTest = test;
    }

    private static TrialSpec lenet(double epochs) {
        return LeNet5.spec().withTraining(LeNet5.spec().training().withEpochs(epochs));
    }

    @Test
    void leNetLearnsFarBetterThanChanceInOneEpoch() {
        List<EpochMetrics> seen = new ArrayList<>();
        TrialResult result = new TrialRunner().run(lenet(1), small, TrialRun.epochs(1).measuringTest(),
                new TrialListener() {
                    @Override
                    public void onEpoch(EpochMetrics metrics) {
                        seen.add(metrics);
                    }
                });
        assertThat(result.state()).isEqualTo(TrialState.COMPLETED);
        assertThat(result.epochs()).hasSize(1).isEqualTo(seen);
        EpochMetrics epoch = result.epochs().get(0);
        // Chance is 0.9 error on 10 balanced classes. 3,000 images (47 Adam steps) reach about 0.3 here; 0.45
        // leaves room for seed-to-seed spread while still failing for a net that learned nothing or little.
        assertThat(epoch.testError().orElseThrow()).isLessThan(0.45);
        assertThat(epoch.validationError()).isLessThan(0.45);
        assertThat(epoch.trainLoss()).isFinite().isPositive();
        assertThat(epoch.parameterCount()).isEqualTo(61_706);
        assertThat(epoch.epoch()).isEqualTo(1.0);
        assertThat(epoch.examplesPerSecond()).isPositive();
    }

    @Test
    void aTrialReportsItsTestErrorOnceAtTheEpochItHasTrainedAllItsEpochsAndNeverBefore() {
        TrialResult rung = new TrialRunner().run(lenet(1), small, TrialRun.epochs(0.5), TrialListener.NONE);
        assertThat(rung.epochs()).allSatisfy(epoch -> assertThat(epoch.testError()).isEmpty());
        TrialResult full = new TrialRunner().run(lenet(1), small, TrialRun.epochs(1), TrialListener.NONE);
        assertThat(full.epochs()).hasSize(1);
        double measured = full.epochs().get(0).testError().orElseThrow();
        TrialResult measuringEveryEpoch = new TrialRunner().run(lenet(1), small, TrialRun.epochs(1).measuringTest(),
                TrialListener.NONE);
        assertThat(measured).as("as a run asked to measure it finds").isEqualTo(
                measuringEveryEpoch.epochs().get(0).testError().orElseThrow()).isBetween(0.0, 0.9);
    }

    @Test
    void aRunToldNeverToMeasureTestDoesNotEvenWhenItFinishesItsTrial() {
        TrialResult finished = new TrialRunner().run(lenet(0.25), small,
                TrialRun.epochs(0.25).measuringTest(TestMeasure.NEVER), TrialListener.NONE);
        assertThat(finished.state()).isEqualTo(TrialState.COMPLETED);
        assertThat(finished.epochs()).isNotEmpty().allSatisfy(epoch -> assertThat(epoch.testError()).isEmpty());
    }

    @Test
    void sameSeedGivesIdenticalMetrics() {
        TrialResult first = new TrialRunner().run(lenet(0.5), small, TrialRun.epochs(0.5), TrialListener.NONE);
        TrialResult second = new TrialRunner().run(lenet(0.5), small, TrialRun.epochs(0.5), TrialListener.NONE);
        assertThat(first.state()).isEqualTo(TrialState.COMPLETED);
        assertThat(withoutTimings(second)).isEqualTo(withoutTimings(first));
        TrialSpec otherSeed = lenet(0.5).withTraining(lenet(0.5).training().withSeed(99));
        TrialResult third = new TrialRunner().run(otherSeed, small, TrialRun.epochs(0.5), TrialListener.NONE);
        assertThat(withoutTimings(third)).isNotEqualTo(withoutTimings(first));
    }

    @Test
    void twoReplicasTrainOneNetworkThatLearnsAndTheSameSeedTrainsItAlike() {
        TrialRunner replicated = new TrialRunner(RunnerOptions.defaults().withReplicas(2));
        TrialResult first = replicated.run(lenet(1), small, TrialRun.epochs(1), TrialListener.NONE);
        TrialResult second = replicated.run(lenet(1), small, TrialRun.epochs(1), TrialListener.NONE);
        assertThat(first.state()).isEqualTo(TrialState.COMPLETED);
        // As one network on whole batches (leNetLearnsFarBetterThanChanceInOneEpoch): about 0.3 after 47 steps.
        assertThat(first.epochs().get(0).validationError()).isLessThan(0.45);
        assertThat(withoutTimings(second)).isEqualTo(withoutTimings(first));
    }

    @Test
    void absurdLearningRateEndsAsNan() {
        TrainingSettings wild = new TrainingSettings(64, 1, 1e12, Optimizer.SGD, 0, 5);
        TrialResult result = new TrialRunner().run(LeNet5.spec().withTraining(wild), small, TrialRun.epochs(1),
                TrialListener.NONE);
        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.failureCause()).contains(FailureCause.NAN);
        assertThat(result.message()).contains("training loss became");
    }

    @Test
    void impossibleSpecificationFailsBeforeTrainingNamingTheLayer() {
        ConvBlock big = ConvBlock.of(4, 5, PaddingMode.VALID);
        TrialSpec spec = new TrialSpec(List.of(big, big, big, big, big, big, big), List.of(), lenet(1).training());
        TrialResult result = new TrialRunner().run(spec, small, TrialRun.epochs(1), TrialListener.NONE);
        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.failureCause()).contains(FailureCause.EXCEPTION);
        assertThat(result.message()).contains("$.convBlocks[6]", "convolution 7");
        assertThat(result.epochs()).isEmpty();
    }

    @Test
    void trialIsRefusedUnlessItsEstimateWithTheSafetyMarginIsFree() {
        TrialMemoryEstimate estimate = TrialMemoryEstimate.of(
                CnnBuilder.configuration(LeNet5.spec(), small.shape(), small.numClasses()), small.shape(),
                LeNet5.spec().training().batchSize(), RunnerOptions.defaults().evaluationChunk());
        RunnerOptions onlyTheEstimate = RunnerOptions.defaults().withTrialMemoryLimit(estimate.peakBytes());
        TrialResult refused = new TrialRunner(onlyTheEstimate).run(lenet(0.05), small, TrialRun.epochs(0.05),
                TrialListener.NONE);
        assertThat(refused.state()).isEqualTo(TrialState.FAILED);
        assertThat(refused.failureCause()).contains(FailureCause.TOO_LARGE);
        assertThat(refused.epochs()).isEmpty();
        assertThat(refused.message()).contains("needs", "batch size 64", "safety margin",
                TrialMemoryEstimate.megabytes(estimate.peakBytes()) + " is available");

        RunnerOptions withMargin = RunnerOptions.defaults().withTrialMemoryLimit(estimate.requiredBytes());
        TrialResult trained = new TrialRunner(withMargin).run(lenet(0.05), small, TrialRun.epochs(0.05),
                TrialListener.NONE);
        assertThat(trained.state()).isEqualTo(TrialState.COMPLETED);
    }

    @Test
    void largestTrialTheLimitsAcceptIsRefusedInsteadOfExhaustingTheWorker() {
        TrialResult result = new TrialRunner().run(TrialSpecLimits.largestAccepted(), small, TrialRun.epochs(1),
                TrialListener.NONE);
        assertThat(result.failureCause()).contains(FailureCause.TOO_LARGE);
        assertThat(result.epochs()).isEmpty();
    }

    @Test
    void wallClockBudgetEndsCleanlyKeepingMetricsAndModel() {
        Path model = dir.resolve("timeout.zip");
        TrialResult result = new TrialRunner().run(lenet(5), small,
                TrialRun.epochs(5).withBudget(Duration.ofMillis(1)).savingTo(model), TrialListener.NONE);
        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.failureCause()).contains(FailureCause.TIMEOUT);
        // One batch ran before the budget was checked; its partial epoch is reported and the model saved.
        assertThat(result.epochs()).hasSize(1);
        assertThat(result.epochsTrained()).isGreaterThan(0).isLessThan(1);
        assertThat(model).exists();
    }

    @Test
    void resumedTrainingMatchesUninterruptedTraining() {
        Path half = dir.resolve("half.zip");
        TrialResult whole = new TrialRunner().run(lenet(1), small, TrialRun.epochs(1), TrialListener.NONE);
        TrialResult firstHalf = new TrialRunner().run(lenet(1), small, TrialRun.epochs(0.5).savingTo(half),
                TrialListener.NONE);
        TrialResult secondHalf = new TrialRunner().run(lenet(1), small, TrialRun.epochs(1).resumingFrom(half),
                TrialListener.NONE);
        // 3,000 images in batches of 64 are 47 batches: half an epoch rounds to 24 of them.
        assertThat(firstHalf.epochsTrained()).isEqualTo(Math.round(24.0 / 47 * 1e6) / 1e6);
        assertThat(secondHalf.state()).isEqualTo(TrialState.COMPLETED);
        assertThat(secondHalf.epochsTrained()).isEqualTo(1.0);
        assertThat(secondHalf.epochs()).hasSize(1);
        // Same weights, same optimizer state, same batch order: the end state is the uninterrupted one.
        assertThat(secondHalf.epochs().get(0).validationError()).isEqualTo(whole.epochs().get(0).validationError());
        assertThat(secondHalf.epochs().get(0).trainError()).isEqualTo(whole.epochs().get(0).trainError());
    }

    /** Batch norm, a global-average head, cosine with warm-up, weight decay: no dropout, so resuming is exact. */
    private static TrialSpec modern(double spatialDropout, double labelSmoothing) {
        return modern(spatialDropout, labelSmoothing, BlockKind.PLAIN);
    }

    /** {@link #modern(double, double)} with its second block of {@code secondBlock}'s kind. */
    private static TrialSpec modern(double spatialDropout, double labelSmoothing, BlockKind secondBlock) {
        return new TrialSpec(List.of(
                new ConvBlock(8, 3, 1, PaddingMode.SAME, Activation.RELU, Pooling.max(2), Normalization.BATCH,
                        spatialDropout),
                new ConvBlock(16, 3, 1, PaddingMode.SAME, Activation.RELU, Pooling.max(2), Normalization.BATCH, 0,
                        secondBlock)),
                List.of(), new TrainingSettings(64, 1, 0.01, Optimizer.ADAM, 1e-4, 5, LearningRateSchedule.COSINE,
                0.25, labelSmoothing), HeadPooling.GLOBAL_AVERAGE);
    }

    @ParameterizedTest(name = "second block {0}")
    @EnumSource(BlockKind.class)
    void theNewerVocabularyLearnsAndResumesExactlyMidSchedule(BlockKind secondBlock) {
        TrialSpec spec = modern(0, 0, secondBlock);
        Path half = dir.resolve("modern-half.zip");
        TrialResult whole = new TrialRunner().run(spec, small, TrialRun.epochs(1), TrialListener.NONE);
        new TrialRunner().run(spec, small, TrialRun.epochs(0.5).savingTo(half), TrialListener.NONE);
        TrialResult resumed = new TrialRunner().run(spec, small, TrialRun.epochs(1).resumingFrom(half),
                TrialListener.NONE);
        assertThat(whole.state()).isEqualTo(TrialState.COMPLETED);
        // Chance is 0.9; this small net on 3,000 images reaches about 0.4 in its one epoch.
        assertThat(whole.epochs().get(0).validationError()).isLessThan(0.65);
        // The schedule's step count and the batch-norm statistics travel in the checkpoint.
        assertThat(resumed.epochs().get(0).validationError()).isEqualTo(whole.epochs().get(0).validationError());
        assertThat(resumed.epochs().get(0).trainError()).isEqualTo(whole.epochs().get(0).trainError());
    }

    @Test
    void spatialDropoutAndLabelSmoothingTrainAndChangeTheRun() {
        TrialResult plain = new TrialRunner().run(modern(0, 0), small, TrialRun.epochs(1), TrialListener.NONE);
        TrialResult regularised = new TrialRunner().run(modern(0.1, 0.1), small, TrialRun.epochs(1),
                TrialListener.NONE);
        assertThat(regularised.state()).isEqualTo(TrialState.COMPLETED);
        assertThat(regularised.epochs().get(0).validationError()).isLessThan(0.65);
        // Smoothed targets cannot be fitted to zero loss: the training loss is higher than without them.
        assertThat(regularised.epochs().get(0).trainLoss()).isGreaterThan(plain.epochs().get(0).trainLoss());
    }

    @Test
    void augmentedTrainingChangesTheRunAndStillResumesExactly() {
        TrialRunner augmented = new TrialRunner(RunnerOptions.defaults()
                .withAugmentation(new Augmentation(2, true, true)));
        Path half = dir.resolve("augmented-half.zip");
        TrialResult plain = new TrialRunner().run(lenet(1), small, TrialRun.epochs(1), TrialListener.NONE);
        TrialResult whole = augmented.run(lenet(1), small, TrialRun.epochs(1), TrialListener.NONE);
        augmented.run(lenet(1), small, TrialRun.epochs(0.5).savingTo(half), TrialListener.NONE);
        TrialResult resumed = augmented.run(lenet(1), small, TrialRun.epochs(1).resumingFrom(half),
                TrialListener.NONE);
        assertThat(whole.state()).isEqualTo(TrialState.COMPLETED);
        assertThat(whole.epochs().get(0).validationError()).isLessThan(0.6)
                .isNotEqualTo(plain.epochs().get(0).validationError());
        // Each batch's changes are seeded by the batch itself.
        assertThat(resumed.epochs().get(0).validationError()).isEqualTo(whole.epochs().get(0).validationError());
    }

    @Test
    void aFreshCurveAnnealsAResumedNetworkFromThePeakToNearZeroOverItsEpochs() throws IOException {
        Path first = dir.resolve("first-half.zip");
        Path annealed = dir.resolve("annealed.zip");
        new TrialRunner().run(lenet(1), small, TrialRun.epochs(0.5).savingTo(first), TrialListener.NONE);
        double peak = lenet(1).training().learningRate();
        TrialResult result = new TrialRunner().run(lenet(1), small, TrialRun.epochs(1).resumingFrom(first)
                .savingTo(annealed).withFreshCurve(lenet(0.5).training().withSchedule(LearningRateSchedule.COSINE,
                        0)), TrialListener.NONE);
        assertThat(result.state()).isEqualTo(TrialState.COMPLETED);
        ComputationGraph network = Checkpoint.read(annealed).network();
        IUpdater updater = ((BaseLayer) network.getLayer(0).conf().getLayer()).getIUpdater();
        int end = network.getIterationCount();
        // 47 batches an epoch: the first run took 24, this one the other 23 over its half-epoch cosine.
        assertThat(end).isEqualTo(47);
        assertThat(updater.getLearningRate(24, 0)).isCloseTo(peak, within(1e-9));
        // Its last step ran at about 1 % of the peak (the curve ends at 0 half a batch later).
        assertThat(updater.getLearningRate(end - 1, 0)).isLessThan(0.02 * peak);
        assertThat(updater.getLearningRate(end, 0)).isLessThan(0.002 * peak);
    }

    @Test
    void aRunValidatingOnAShareMeasuresThatManyValidationImagesAndNoMoreTrainingImages() throws IOException {
        Path saved = dir.resolve("share.zip");
        TrialResult result = new TrialRunner().run(lenet(0.2), small, TrialRun.epochs(0.2).savingTo(saved)
                .validatingOn(0.25), TrialListener.NONE);
        ComputationGraph network = Checkpoint.read(saved).network();
        int quarter = (int) Math.ceil(0.25 * small.validation().size());
        assertThat(result.epochs().get(0).validationError()).isEqualTo(
                ErrorRate.of(network, small.validation(), small.shape(), quarter, 1_000))
                .isNotEqualTo(ErrorRate.of(network, small.validation(), small.shape(), Integer.MAX_VALUE, 1_000));
        // The training error, an overfitting gauge beside it, is measured on as many training images.
        assertThat(result.epochs().get(0).trainError()).isEqualTo(
                ErrorRate.of(network, small.train(), small.shape(), quarter, 1_000))
                .isNotEqualTo(ErrorRate.of(network, small.train(), small.shape(), Integer.MAX_VALUE, 1_000));
    }

    @Test
    void aRunOnAShareOfTheTrainingSetTrainsExactlyAsARunOnThoseFirstImagesAlone() {
        // 3,000 training images in batches of 75: 40 steps an epoch. A quarter of an epoch on a quarter of the
        // images is one pass over the first 750, the same 10 steps as a whole epoch on a dataset of those 750.
        TrialSpec spec = lenet(1).withTraining(lenet(1).training().withBatchSize(75));
        assertThat(small.train().size()).isEqualTo(3_000);
        TrialResult quarter = new TrialRunner().run(spec, small, TrialRun.epochs(0.25).trainingOn(0.25),
                TrialListener.NONE);
        TrainingData firstQuarter = TrainingData.of(smallParts.train().select(
                java.util.stream.IntStream.range(0, 750).toArray()), smallParts.validation(), smallTest);
        TrialResult alone = new TrialRunner().run(spec, firstQuarter, TrialRun.epochs(1), TrialListener.NONE);
        TrialResult wholeSet = new TrialRunner().run(spec, small, TrialRun.epochs(0.25), TrialListener.NONE);

        assertThat(quarter.state()).isEqualTo(TrialState.COMPLETED);
        assertThat(quarter.epochs()).hasSize(1);
        assertThat(quarter.epochs().get(0).epoch()).isEqualTo(0.25);
        assertThat(quarter.epochs().get(0).validationError()).isEqualTo(alone.epochs().get(0).validationError())
                .isNotEqualTo(wholeSet.epochs().get(0).validationError());
    }

    @Test
    void aChildRunStartsFromItsParentsWeightsWhereLayersMatch() throws IOException {
        Path parent = dir.resolve("parent.zip");
        Path child = dir.resolve("child.zip");
        new TrialRunner().run(lenet(0.2), small, TrialRun.epochs(0.2).savingTo(parent), TrialListener.NONE);
        // A learning rate too small to move anything: after one batch the child still holds what it started from.
        TrialSpec still = lenet(1).withTraining(lenet(1).training().withLearningRate(1e-12));
        new TrialRunner().run(still, small, TrialRun.epochs(1.0 / 47).savingTo(child).inheritingFrom(parent),
                TrialListener.NONE);
        ComputationGraph parentNetwork = Checkpoint.read(parent).network();
        ComputationGraph childNetwork = Checkpoint.read(child).network();
        assertThat(childNetwork.getLayer(0).params().sub(parentNetwork.getLayer(0).params()).amaxNumber()
                .doubleValue()).isLessThan(1e-6);
        // Without a parent the same spec starts from its own seeded weights.
        Path alone = dir.resolve("alone.zip");
        new TrialRunner().run(still, small, TrialRun.epochs(1.0 / 47).savingTo(alone), TrialListener.NONE);
        assertThat(Checkpoint.read(alone).network().getLayer(0).params().sub(parentNetwork.getLayer(0).params())
                .amaxNumber().doubleValue()).isGreaterThan(1e-3);
    }

    @Test
    void aRunToALowRungFollowsTheScheduleOfTheTrialsFullEpochs() throws IOException {
        Path rung = dir.resolve("rung.zip");
        TrialSpec warm = lenet(1).withTraining(lenet(1).training().withSchedule(LearningRateSchedule.COSINE, 0.5));
        // A quarter epoch, inside the half-epoch warm-up of a one-epoch trial: a valid run, its rate still rising.
        TrialResult result = new TrialRunner().run(warm, small, TrialRun.epochs(0.25).savingTo(rung),
                TrialListener.NONE);
        assertThat(result.state()).isEqualTo(TrialState.COMPLETED);
        ComputationGraph network = Checkpoint.read(rung).network();
        double peak = warm.training().learningRate();
        double rate = ((BaseLayer) network.getLayer(0).conf().getLayer()).getIUpdater()
                .getLearningRate(network.getIterationCount(), 0);
        assertThat(rate).isCloseTo(LearningRateCurve.rateAt(warm.training(), network.getIterationCount() / 47.0),
                within(1e-12)).isBetween(0.3 * peak, 0.7 * peak);
    }

    @Test
    void resumingWithAnotherArchitectureIsRefused() {
        Path saved = dir.resolve("lenet.zip");
        new TrialRunner().run(lenet(0.1), small, TrialRun.epochs(0.1).savingTo(saved), TrialListener.NONE);
        TrialSpec other = new TrialSpec(List.of(ConvBlock.of(4, 3, PaddingMode.SAME)), List.of(), lenet(1).training());
        TrialResult result = new TrialRunner().run(other, small, TrialRun.epochs(1).resumingFrom(saved),
                TrialListener.NONE);
        assertThat(result.failureCause()).contains(FailureCause.EXCEPTION);
        assertThat(result.message()).contains("checkpoint holds a different network");
    }

    private static List<List<Double>> withoutTimings(TrialResult result) {
        return result.epochs().stream()
                .map(m -> List.of(m.epoch(), m.trainLoss(), m.trainError(), m.validationError()))
                .toList();
    }
}
