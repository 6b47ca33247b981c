package io.autocnn.workers.model;

import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;

import java.util.List;

/**
 * The hand-built baseline, as in the lecture: conv 6 (5x5) → pool → conv 16 (5x5) → pool → conv 120 (5x5) →
 * dense 84 → output, ReLU throughout, 2x2 max pooling. The first convolution pads ("same") so a 28x28 image behaves
 * like LeNet's original 32x32 input; the later ones do not, so the third convolution sees 5x5 and yields 1x1x120.
 */
public final class LeNet5 {

    public static final String NAME = "lenet5";

    private LeNet5() {
    }

    public static TrialSpec spec() {
        return new TrialSpec(
                List.of(ConvBlock.of(6, 5, PaddingMode.SAME).withPooling(Pooling.max(2)),
                        ConvBlock.of(16, 5, PaddingMode.VALID).withPooling(Pooling.max(2)),
                        ConvBlock.of(120, 5, PaddingMode.VALID)),
                List.of(DenseLayerSpec.of(84)),
                new TrainingSettings(64, 10, 1e-3, Optimizer.ADAM, 0.0, 123));
    }
}
