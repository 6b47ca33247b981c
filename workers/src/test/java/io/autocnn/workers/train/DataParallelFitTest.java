package io.autocnn.workers.train;

import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.FashionMnistFixture;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.data.LabeledImages;
import io.autocnn.workers.data.ValidationSplit;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.LeNet5;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataParallelFitTest {

    /** Batches of an odd size, so the two replicas' parts differ (31 and 32 images) and the weighting matters. */
    private static final int BATCH = 63;
    private static final int STEPS = 3;

    @Test
    void withAnOptimizerLinearInTheGradientTwoReplicasTakeExactlyTheStepsOfOneNetworkOnWholeBatches() {
        // SGD with Nesterov momentum updates weights and momentum linearly in the gradient: the size-weighted average
        // of the parts' steps is then the whole batch's step, including the optimizer state carried between steps.
        TrialSpec spec = LeNet5.spec().withTraining(new TrainingSettings(BATCH, 1, 0.05, Optimizer.NESTEROVS, 0, 5));
        ImageShape shape = new ImageShape(1, 28, 28);
        ComputationGraph alone = CnnBuilder.network(spec, shape, 10);
        ComputationGraph replicated = alone.clone();
        INDArray initial = alone.params().dup();
        TrainingData.Part images = realImages(BATCH * STEPS);

        try (DataParallelFit fitter = DataParallelFit.of(replicated, 2, 5)) {
            for (int step = 0; step < STEPS; step++) {
                DataSet batch = batch(images, step);
                alone.fit(batch);
                double loss = fitter.fit(batch);
                assertThat(loss).isFinite().isPositive();
            }
        }

        double moved = alone.params().sub(initial).amaxNumber().doubleValue();
        double apart = alone.params().sub(replicated.params()).amaxNumber().doubleValue();
        assertThat(moved).as("the steps changed the weights").isGreaterThan(1e-3);
        assertThat(apart).as("replicated against whole-batch weights").isLessThan(moved * 1e-3);
    }

    @Test
    void aBatchTooSmallToSplitTrainsTheNetworkAloneAndKeepsTheReplicasInStep() {
        TrialSpec spec = LeNet5.spec().withTraining(new TrainingSettings(1, 1, 0.05, Optimizer.SGD, 0, 5));
        ComputationGraph alone = CnnBuilder.network(spec, new ImageShape(1, 28, 28), 10);
        ComputationGraph replicated = alone.clone();
        TrainingData.Part images = realImages(1);
        DataSet single = new DataSet(images.features().reshape('c', 1, 1, 28, 28), images.oneHotLabels());
        try (DataParallelFit fitter = DataParallelFit.of(replicated, 2, 5)) {
            alone.fit(single);
            fitter.fit(single);
        }
        assertThat(alone.params().sub(replicated.params()).amaxNumber().doubleValue()).isLessThan(1e-6);
        assertThat(replicated.getIterationCount()).isEqualTo(alone.getIterationCount());
    }

    @Test
    void fewerThanOneReplicaIsRefused() {
        ComputationGraph network = CnnBuilder.network(LeNet5.spec(), new ImageShape(1, 28, 28), 10);
        assertThatThrownBy(() -> DataParallelFit.of(network, 0, 1)).hasMessageContaining("replicas must be at least 1");
    }

    private static TrainingData.Part realImages(int count) {
        LabeledImages sample = ValidationSplit.sample(FashionMnistFixture.train(), Math.max(count, 10), 1).first(count);
        return TrainingData.of(sample, sample, sample.empty()).train();
    }

    private static DataSet batch(TrainingData.Part images, int step) {
        INDArray rows = images.features().get(NDArrayIndex.interval((long) step * BATCH, (long) (step + 1) * BATCH));
        INDArray labels = images.oneHotLabels().get(NDArrayIndex.interval((long) step * BATCH,
                (long) (step + 1) * BATCH));
        return new DataSet(rows.dup().reshape('c', BATCH, 1, 28, 28), labels.dup());
    }
}
