package io.autocnn.space.spec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkCostTest {

    private static final TrainingSettings TRAINING = new TrainingSettings(64, 1, 1e-3, Optimizer.ADAM, 0, 1);

    @Test
    void leNet5OnFashionMnistHasItsKnownParameterCountAndMacs() {
        TrialSpec lenet = new TrialSpec(List.of(ConvBlock.of(6, 5, PaddingMode.SAME).withPooling(Pooling.max(2)),
                ConvBlock.of(16, 5, PaddingMode.VALID).withPooling(Pooling.max(2)),
                ConvBlock.of(120, 5, PaddingMode.VALID)), List.of(DenseLayerSpec.of(84)), TRAINING);

        NetworkCost cost = NetworkCost.of(lenet, 1, 28, 28, 10);

        assertThat(cost.parameters()).isEqualTo(61_706);
        // 28x28x(5x5x1)x6 + 10x10x(5x5x6)x16 + 1x1x(5x5x16)x120 + 120x84 + 84x10
        assertThat(cost.macs()).isEqualTo(117_600 + 240_000 + 48_000 + 10_080 + 840);
    }

    @Test
    void batchNormAddsFourValuesPerChannelAndGlobalPoolingFeedsOneValuePerChannel() {
        ConvBlock block = new ConvBlock(8, 3, 1, PaddingMode.SAME, Activation.RELU, Pooling.max(2),
                Normalization.BATCH, 0);
        TrialSpec spec = new TrialSpec(List.of(block), List.of(), TRAINING, HeadPooling.GLOBAL_AVERAGE);

        NetworkCost cost = NetworkCost.of(spec, 3, 32, 32, 10);

        assertThat(cost.parameters()).isEqualTo((3 * 3 * 3 * 8 + 8) + 4 * 8 + (8 * 10 + 10));
        assertThat(cost.macs()).isEqualTo(32L * 32 * 3 * 3 * 3 * 8 + 8 * 10);
    }
}
