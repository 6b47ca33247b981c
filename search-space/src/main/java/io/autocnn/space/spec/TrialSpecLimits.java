package io.autocnn.space.spec;

import java.util.Collections;

/**
 * Upper bounds a specification must respect, so an absurd candidate is refused instead of exhausting the machine.
 * They are generous for 28x28 to 64x64 images on CPU; raise them here if real data needs more.
 */
public final class TrialSpecLimits {

    public static final int MAX_CONV_BLOCKS = 12;
    public static final int MAX_FILTERS = 1024;
    public static final int MAX_DENSE_LAYERS = 6;
    public static final int MAX_DENSE_UNITS = 8192;
    public static final int MAX_BATCH_SIZE = 4096;
    public static final double MAX_EPOCHS = 1000;
    public static final double MAX_DROPOUT = 0.9;
    public static final double MAX_LABEL_SMOOTHING = 0.5;

    /** The largest network the limits accept: every field at its maximum, 5x5 kernels, no pooling. */
    public static TrialSpec largestAccepted() {
        return new TrialSpec(
                Collections.nCopies(MAX_CONV_BLOCKS, ConvBlock.of(MAX_FILTERS, 5, PaddingMode.SAME)),
                Collections.nCopies(MAX_DENSE_LAYERS, DenseLayerSpec.of(MAX_DENSE_UNITS)),
                new TrainingSettings(MAX_BATCH_SIZE, 1, 1e-3, Optimizer.ADAM, 0.0, 1));
    }

    private TrialSpecLimits() {
    }
}
