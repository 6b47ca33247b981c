package io.autocnn.workers.train;

import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecLimits;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.LeNet5;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrialMemoryEstimateTest {

    private static final ImageShape FASHION = new ImageShape(1, 28, 28);

    private static TrialMemoryEstimate estimate(TrialSpec spec) {
        ComputationGraphConfiguration configuration = CnnBuilder.configuration(spec, FASHION, 10);
        return TrialMemoryEstimate.of(configuration, FASHION, spec.training().batchSize(), 1_000);
    }

    @Test
    void trainingNeedsAtLeastWeightsGradientsAndAdamStateAsFloats() {
        TrialSpec lenet = LeNet5.spec();
        long parameters = CnnBuilder.parameterCount(CnnBuilder.configuration(lenet, FASHION, 10));
        assertThat(estimate(lenet).trainingBytes()).isGreaterThanOrEqualTo(4L * 4 * parameters);
    }

    @Test
    void trainingMemoryGrowsWithTheBatchWhileMeasuringDoesNot() {
        TrialSpec lenet = LeNet5.spec();
        TrialSpec bigBatch = lenet.withTraining(lenet.training().withBatchSize(1_024));
        TrialMemoryEstimate small = estimate(lenet);
        TrialMemoryEstimate large = estimate(bigBatch);
        assertThat(large.trainingBytes()).isGreaterThan(small.trainingBytes() + 1_000L * 6 * 28 * 28 * 4);
        assertThat(large.inferenceBytes()).isEqualTo(small.inferenceBytes());
        assertThat(large.peakBytes()).isEqualTo(Math.max(large.trainingBytes(), large.inferenceBytes()));
    }

    @Test
    void largestAcceptedTrialNeedsFarMoreThanAnyWorkerHere() {
        // 12 unpooled 5x5 blocks of 1,024 filters at batch 4,096: tens of gigabytes of activations alone.
        assertThat(estimate(TrialSpecLimits.largestAccepted()).peakBytes()).isGreaterThan(100L << 30);
    }
}
