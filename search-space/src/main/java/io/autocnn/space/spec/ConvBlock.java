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
 * @param kind           one convolution, or a residual pair of them; optional in JSON (PLAIN)
 */
public record ConvBlock(int filters, int kernelSize, int stride, PaddingMode padding, Activation activation,
                        Pooling pooling, @OptionalInJson Normalization normalization,
                        @OptionalInJson double spatialDropout, @OptionalInJson BlockKind kind) {

    public ConvBlock {
        if (kind == null) {
            kind = BlockKind.PLAIN;
        }
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
        this(filters, kernelSize, stride, padding, activation, pooling, Normalization.NONE, 0.0, BlockKind.PLAIN);
    }

    /** A plain block (one convolution). */
    public ConvBlock(int filters, int kernelSize, int stride, PaddingMode padding, Activation activation,
                     Pooling pooling, Normalization normalization, double spatialDropout) {
        this(filters, kernelSize, stride, padding, activation, pooling, normalization, spatialDropout,
                BlockKind.PLAIN);
    }

    /** A stride-1 ReLU convolution without pooling. */
    public static ConvBlock of(int filters, int kernelSize, PaddingMode padding) {
        return new ConvBlock(filters, kernelSize, 1, padding, Activation.RELU, Pooling.none());
    }

    public ConvBlock withPooling(Pooling newPooling) {
        return new ConvBlock(filters, kernelSize, stride, padding, activation, newPooling, normalization,
                spatialDropout, kind);
    }

    public ConvBlock withNormalization(Normalization newNormalization) {
        return new ConvBlock(filters, kernelSize, stride, padding, activation, pooling, newNormalization,
                spatialDropout, kind);
    }

    public ConvBlock withKind(BlockKind newKind) {
        return new ConvBlock(filters, kernelSize, stride, padding, activation, pooling, normalization,
                spatialDropout, newKind);
    }

    /** A residual block: its input joins its output through a shortcut. */
    public boolean hasShortcut() {
        return kind == BlockKind.RESIDUAL;
    }

    /**
     * Whether a residual block's shortcut needs a 1x1 projection: its input has other channels than the block, or
     * the block's stride shrinks the image.
     */
    public boolean needsProjection(int inputChannels) {
        return inputChannels != filters || stride != 1;
    }
}
