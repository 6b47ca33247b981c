package io.autocnn.space.spec;

/**
 * One convolution layer and the pooling layer that may follow it.
 *
 * @param filters    number of output channels
 * @param kernelSize square kernel edge: 3 or 5
 * @param stride     convolution step in pixels
 * @param padding    border handling
 * @param activation non-linearity after the convolution
 * @param pooling    pooling after the activation, or {@link Pooling#none()}
 */
public record ConvBlock(int filters, int kernelSize, int stride, PaddingMode padding, Activation activation,
                        Pooling pooling) {

    public ConvBlock {
        if (padding == null) {
            padding = PaddingMode.SAME;
        }
        if (activation == null) {
            activation = Activation.RELU;
        }
        if (pooling == null) {
            pooling = Pooling.none();
        }
    }

    /** A stride-1 ReLU convolution without pooling. */
    public static ConvBlock of(int filters, int kernelSize, PaddingMode padding) {
        return new ConvBlock(filters, kernelSize, 1, padding, Activation.RELU, Pooling.none());
    }

    public ConvBlock withPooling(Pooling newPooling) {
        return new ConvBlock(filters, kernelSize, stride, padding, activation, newPooling);
    }
}
