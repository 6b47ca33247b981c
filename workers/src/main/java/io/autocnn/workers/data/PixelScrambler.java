package io.autocnn.workers.data;

/**
 * Moves every pixel to another position by one fixed permutation drawn from a seed, the same for every image and
 * every channel. Spatial structure is destroyed while the information is kept: a CNN loses its edge, models that
 * ignore pixel order (random forests, MLPs) do not.
 */
public final class PixelScrambler {

    private final int[] sourceOfPosition;
    private final ImageShape shape;

    public PixelScrambler(ImageShape shape, long seed) {
        this.shape = shape;
        this.sourceOfPosition = SeededPermutation.of(shape.pixelsPerChannel(), seed);
    }

    public LabeledImages apply(LabeledImages images) {
        if (!images.shape().equals(shape)) {
            throw new IllegalArgumentException("scrambler built for " + shape + " images, got " + images.shape());
        }
        byte[] source = images.pixels();
        byte[] scrambled = new byte[source.length];
        int perChannel = shape.pixelsPerChannel();
        for (int channelStart = 0; channelStart < source.length; channelStart += perChannel) {
            for (int p = 0; p < perChannel; p++) {
                scrambled[channelStart + p] = source[channelStart + sourceOfPosition[p]];
            }
        }
        return new LabeledImages(scrambled, images.labels().clone(), shape, images.classNames());
    }
}
