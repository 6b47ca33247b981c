package io.autocnn.space.spec;

/**
 * One convolution layer, the normalisation and pooling that may follow it, and dropout of whole channels.
 *
 * @param filters        number of output channels
 * @param kernelSize     square kernel edge: 3 or 5
 * @param stride         convolution step in pixels
 * @param padding        border handling
 * @param activation     non-linearity after the convolution (and its normalisation)
 * @param pooling        pooling after the activation, or {@link Pooling#none()}
 * @param normalization  between the convolution and its activation; optional in JSON (NONE)
 * @param spatialDropout probability of dropping each whole channel of the block's output in training (0 = none);
 *                       optional in JSON
 */
public record ConvBlock(int filters, int kernelSize, int stride, PaddingMode padding, Activation activation,
                        Pooling pooling, @OptionalInJson Normalization normalization,
                        @OptionalInJson double spatialDropout) {

    public ConvBlock {
        if (normalization == null) {
            normalization = Normalization.NONE;
        }
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

    public ConvBlock(int filters, int kernelSize, int stride, PaddingMode padding, Activation activation,
                     Pooling pooling) {
        this(filters, kernelSize, stride, padding, activation, pooling, Normalization.NONE, 0.0);
    }

    /** A stride-1 ReLU convolution without pooling. */
    public static ConvBlock of(int filters, int kernelSize, PaddingMode padding) {
        return new ConvBlock(filters, kernelSize, 1, padding, Activation.RELU, Pooling.none());
    }

    public ConvBlock withPooling(Pooling newPooling) {
        return new ConvBlock(filters, kernelSize, stride, padding, activation, newPooling, normalization,
                spatialDropout);
    }

    public ConvBlock withNormalization(Normalization newNormalization) {
        return new ConvBlock(filters, kernelSize, stride, padding, activation, pooling, newNormalization,
                spatialDropout);
    }
}
