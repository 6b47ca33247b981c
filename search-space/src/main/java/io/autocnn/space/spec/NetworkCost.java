package io.autocnn.space.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * What a network costs, counted from its specification alone, before anything is built: its parameters (as DL4J
 * counts them: weights, biases, and batch normalisation's scale, shift, mean and variance) and the multiply-accumulate
 * operations of its convolutions (a residual block's two and its shortcut's projection) and dense layers for one image. Pooling, activations and normalisation are not
 * counted as MACs: next to the products they are small.
 *
 * @param parameters trainable and running values in the model
 * @param macs       multiply-accumulates per image in inference
 */
public record NetworkCost(long parameters, long macs) {

    /** The cost of {@code spec} on images of {@code channels} x {@code height} x {@code width} and {@code classes}. */
    public static NetworkCost of(TrialSpec spec, int channels, int height, int width, int classes) {
        long parameters = 0;
        long macs = 0;
        int inChannels = channels;
        for (ConvBlock block : spec.convBlocks()) {
            height = FeatureMapShapes.convolved(height, block);
            width = FeatureMapShapes.convolved(width, block);
            List<Long> convolutions = new ArrayList<>();
            convolutions.add((long) block.kernelSize() * block.kernelSize() * inChannels * block.filters());
            if (block.hasShortcut()) {
                convolutions.add((long) block.kernelSize() * block.kernelSize() * block.filters() * block.filters());
                if (block.needsProjection(inChannels)) {
                    convolutions.add((long) inChannels * block.filters());
                }
            }
            for (long weights : convolutions) {
                parameters += weights + block.filters();
                macs += weights * height * width;
                if (block.normalization() == Normalization.BATCH) {
                    parameters += 4L * block.filters();
                }
            }
            if (block.pooling().isPresent()) {
                height = FeatureMapShapes.pooled(height, block.pooling());
                width = FeatureMapShapes.pooled(width, block.pooling());
            }
            inChannels = block.filters();
        }
        long inputs = spec.headPooling() != HeadPooling.FLATTEN && !spec.convBlocks().isEmpty()
                ? inChannels : (long) inChannels * height * width;
        for (DenseLayerSpec dense : spec.denseLayers()) {
            parameters += inputs * dense.units() + dense.units();
            macs += inputs * dense.units();
            inputs = dense.units();
        }
        parameters += inputs * classes + classes;
        macs += inputs * classes;
        return new NetworkCost(parameters, macs);
    }
}
