package io.autocnn.space.spec;

/**
 * One fully connected hidden layer.
 *
 * @param units      number of neurons
 * @param dropout    probability of dropping each output of this layer during training (0 = no dropout)
 * @param activation non-linearity
 */
public record DenseLayerSpec(int units, double dropout, Activation activation) {

    public DenseLayerSpec {
        if (activation == null) {
            activation = Activation.RELU;
        }
    }

    public static DenseLayerSpec of(int units) {
        return new DenseLayerSpec(units, 0.0, Activation.RELU);
    }
}
