package io.autocnn.workers.model;

import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;

import java.util.List;

/**
 * The lecture's CNN for grayscale CIFAR-10: four 3x3 convolutions with a 2x2 max pooling after the second and the
 * fourth, then a dense layer of 472 units, trained in batches of 200. The lecture fixes the layer counts, the dense
 * width and the batch; the filter counts (32, 32, 64, 64) and the dropout of 0.5 after the dense layer are the usual
 * choice for a network of this shape on 32x32 images.
 */
public final class CifarGrayCnn {

    public static final String NAME = "cifar-gray-cnn";
    public static final int BATCH_SIZE = 200;
    public static final int DENSE_UNITS = 472;

    private CifarGrayCnn() {
    }

    public static TrialSpec spec() {
        return new TrialSpec(
                List.of(ConvBlock.of(32, 3, PaddingMode.SAME),
                        ConvBlock.of(32, 3, PaddingMode.SAME).withPooling(Pooling.max(2)),
                        ConvBlock.of(64, 3, PaddingMode.SAME),
                        ConvBlock.of(64, 3, PaddingMode.SAME).withPooling(Pooling.max(2))),
                List.of(new DenseLayerSpec(DENSE_UNITS, 0.5, Activation.RELU)),
                new TrainingSettings(BATCH_SIZE, 100, 1e-3, Optimizer.ADAM, 0.0, 123));
    }
}
