package io.autocnn.workers.model;

import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.ImageShape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WeightTransferTest {

    private static final ImageShape MNIST = new ImageShape(1, 14, 14);

    private static ComputationGraph network(int secondFilters, long seed) {
        TrialSpec spec = new TrialSpec(List.of(ConvBlock.of(8, 3, PaddingMode.SAME),
                ConvBlock.of(secondFilters, 3, PaddingMode.SAME)), List.of(DenseLayerSpec.of(32)),
                LeNet5.spec().training().withSeed(seed));
        return CnnBuilder.network(spec, MNIST, 10);
    }

    @Test
    void layersOfTheSameKindAndShapesTakeTheDonorsWeightsAndTheOthersKeepTheirOwn() {
        ComputationGraph parent = network(16, 1);
        ComputationGraph child = network(24, 2);
        ComputationGraph untouched = network(24, 2);

        int copied = WeightTransfer.copyMatching(parent, child);

        // conv 8 and the output layer (32 -> 10) match; conv 16 vs 24 and the dense layer fed by them do not.
        assertThat(copied).isEqualTo(2);
        assertThat(child.getLayer(0).params()).isEqualTo(parent.getLayer(0).params());
        assertThat(child.getLayer(3).params()).isEqualTo(parent.getLayer(3).params());
        assertThat(child.getLayer(1).params()).isEqualTo(untouched.getLayer(1).params());
        assertThat(child.getLayer(2).params()).isEqualTo(untouched.getLayer(2).params());
        assertThat(child.params()).as("the network's own parameter vector took them")
                .isNotEqualTo(untouched.params());
    }
}
