package io.autocnn.workers.baseline;

import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;

import java.util.List;

/**
 * The fully connected baseline: ReLU hidden layers, softmax output, no regularisation (the lecture's MLP is meant to
 * overfit). It is a {@link TrialSpec} without convolution blocks, so {@code CnnBuilder} turns it into a DL4J
 * graph of {@code DenseLayer}s (the image flattened first) and {@code TrialRunner} trains
 * and measures it exactly like the CNNs it is compared with.
 */
public final class MultilayerPerceptron {

    public static final String NAME = "mlp";
    /** The lecture's hidden layers: 512 units, then 100. */
    public static final List<Integer> LECTURE_HIDDEN_UNITS = List.of(512, 100);

    private MultilayerPerceptron() {
    }

    public static TrialSpec spec(List<Integer> hiddenUnits, TrainingSettings training) {
        if (hiddenUnits.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer");
        }
        return new TrialSpec(List.of(), hiddenUnits.stream().map(DenseLayerSpec::of).toList(), training);
    }

    /** The lecture's 512/100 network with the given training settings. */
    public static TrialSpec lecture(TrainingSettings training) {
        return spec(LECTURE_HIDDEN_UNITS, training);
    }
}
